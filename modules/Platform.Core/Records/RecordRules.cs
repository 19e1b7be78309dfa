using Platform.Abstractions.Errors;
using Platform.Core.Meetings;
using Platform.Core.Privacy;

namespace Platform.Core.Records;

/// <summary>
/// The one place where a record entry (<see cref="AgendaItemInput"/>, <see cref="OpinionInput"/>,
/// <see cref="CommentInput"/>) is checked and cleaned: the API checks it before it asks the meeting's grain, and the
/// grain checks it again for every other caller (seeds, the SDK), then only what needs the record it holds.
/// Each check answers the first refusal, as the grain does, or null; checking a cleaned entry again changes nothing.
/// </summary>
public static class RecordRules
{
    public const int MaxTextLength = Platform.Abstractions.Records.RecordLimits.MaxTextLength;

    /// <summary>The agenda item's title, cleaned, or why it is refused.</summary>
    public static (string? Title, RecordResult? Refusal) CheckAgendaItem(string? title)
    {
        var text = JapaneseText.Clean(title);
        if (text.Length is 0 or > MeetingStore.MaxTextLength)
            return (null, Refused("agenda.invalid_title", "title", "議題・テーマを200文字以内で入力してください。"));
        if (InvisibleCharacters.In(text))
            return (null, Invisible("title", "議題・テーマ"));
        return (text, null);
    }

    /// <summary>
    /// The opinion, its text trimmed and a leading "⇒" read as a response (as the minutes write it), or why it is
    /// refused. Whether its agenda item and the opinion it answers exist is the grain's to say.
    /// </summary>
    public static (OpinionInput? Opinion, RecordResult? Refusal) CheckOpinion(OpinionInput input)
    {
        var text = (input.Text ?? "").Trim();
        var kind = input.Kind;
        if (text.StartsWith('⇒') || text.StartsWith("=>", StringComparison.Ordinal))
        {
            text = text.TrimStart('⇒', '=', '>', ' ', '　');
            kind ??= OpinionKind.Response;
        }
        if (text.Length == 0)
            return (null, Refused("opinion.empty", "text", "意見の内容を入力してください。"));
        if (text.Length > MaxTextLength)
            return (
                null,
                Refused(
                    "opinion.too_long",
                    "text",
                    $"意見は{MaxTextLength}文字以内で入力してください（{text.Length}文字）。"
                )
            );
        if (InvisibleCharacters.In(input.Speaker))
            return (null, Invisible("speaker", "発言者"));
        if (InvisibleCharacters.In(input.Organisation))
            return (null, Invisible("organisation", "所属"));
        if (PrivacyRefusal(input.Sensitivity, input.Basis) is { } noBasis)
            return (null, noBasis);
        return (
            input with
            {
                Text = text,
                Kind = kind,
                Speaker = Short(input.Speaker),
                Organisation = Short(input.Organisation),
                RespondsTo = string.IsNullOrWhiteSpace(input.RespondsTo) ? null : input.RespondsTo,
                RecordedBy = Short(input.RecordedBy),
            },
            null
        );
    }

    /// <summary>The comment, cleaned, or why it is refused.</summary>
    public static (CommentInput? Comment, RecordResult? Refusal) CheckComment(CommentInput input)
    {
        var text = (input.Text ?? "").Trim();
        var speaker = Short(input.Speaker);
        if (text.Length == 0)
            return (null, Refused("comment.empty", "text", "コメントの内容を入力してください。"));
        if (text.Length > MaxTextLength)
            return (
                null,
                Refused("comment.too_long", "text", $"コメントは{MaxTextLength}文字以内で入力してください。")
            );
        if (speaker is null)
            return (null, Refused("comment.speaker_required", "speaker", "発言者を入力してください。"));
        if (InvisibleCharacters.In(input.Speaker))
            return (null, Invisible("speaker", "発言者"));
        if (InvisibleCharacters.In(input.Role) || InvisibleCharacters.In(input.Position))
            return (null, Invisible("role", "役割・所属"));
        if (PrivacyRefusal(input.Sensitivity, input.Basis) is { } noBasis)
            return (null, noBasis);
        var cleaned = input with
        {
            Text = text,
            Speaker = speaker,
            Role = Short(input.Role),
            Position = Short(input.Position),
        };
        return (cleaned, null);
    }

    /// <summary>
    /// An entry's level and its basis in full (consent's date and scope, the ordinance), every failing field: the
    /// API asks this before the entry is recorded.
    /// </summary>
    public static (Sensitivity Level, PersonalBasis? Basis, ValidationErrors Refusal) CheckPrivacy(
        Sensitivity? level,
        PersonalBasis? basis
    )
    {
        var errors = new ValidationErrors();
        var (checkedLevel, checkedBasis) = PersonalBasis.Check(level, basis, errors);
        return (checkedLevel, checkedBasis, errors);
    }

    // The API checks the basis in full (CheckPrivacy); this keeps any other caller from storing a resident's
    // information without one.
    private static RecordResult? PrivacyRefusal(Sensitivity? level, PersonalBasis? basis) =>
        level is { } l && l.IsPersonal() && basis is null
            ? Refused("privacy.basis_required", "basis", PersonalBasis.RequiredMessage(l))
            : null;

    /// <summary>The longest entry key (Idempotency-Key) taken: a UUID is 36 characters.</summary>
    public const int MaxEntryKeyLength = 100;

    /// <summary>
    /// An entry key as sent (none is no key), or why it is refused: printable ASCII letters, digits and <c>-_.:</c>,
    /// so that a key is the same key however it was typed or logged.
    /// </summary>
    public static (string? Key, RecordResult? Refusal) CheckEntryKey(string? key)
    {
        if (key is null)
            return (null, null);
        if (
            key.Length is 0 or > MaxEntryKeyLength
            || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
        )
            return (
                null,
                Refused(
                    "idempotency.invalid_key",
                    EntryKeyHeader,
                    "送信キー（Idempotency-Key）は英数字と - _ . : の100文字以内で指定してください。"
                )
            );
        return (key, null);
    }

    public const string EntryKeyHeader = "Idempotency-Key";

    private static RecordResult Refused(string code, string field, string message) => new(null, code, field, message);

    private static RecordResult Invisible(string field, string label) =>
        new(null, InvisibleCharacters.Code, field, InvisibleCharacters.Message(label));

    private static string? Short(string? text) => JapaneseText.CleanOrNull(text, 100);
}
