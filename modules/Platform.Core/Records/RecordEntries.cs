using Platform.Core.Privacy;

namespace Platform.Core.Records;

/// <summary>An agenda item or theme (議題・テーマ), in the meeting's order.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaItem(string Id, int Position, string Title, int Seq);

/// <summary>What kind of thing was said. A response (⇒) answers an earlier opinion or question.</summary>
public enum OpinionKind
{
    Opinion,
    Question,
    Proposal,
    Response,
}

/// <summary>
/// One opinion ("○" bullet) under an agenda item, numbered by the order in which the server accepted it. Its
/// <see cref="Sensitivity"/> decides who reads it; <see cref="Basis"/> says why a resident's information may be shared;
/// <see cref="Withheld"/> is set, and the text replaced by a marker, where the reader may not see it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Opinion(
    string Id,
    string AgendaItemId,
    int Seq,
    OpinionKind Kind,
    string Text,
    string? Speaker,
    string? Organisation,
    string? RespondsTo,
    string? RecordedBy,
    string RecordedAt,
    Sensitivity Sensitivity = Sensitivity.Participants,
    PersonalBasis? Basis = null,
    Withheld? Withheld = null
);

public enum CommentKind
{
    /// <summary>アドバイザー等からのコメント.</summary>
    Comment,

    /// <summary>全体講評.</summary>
    Review,
}

/// <summary>
/// A comment by an advisor or member (with their role and position), or the overall review. The speaker is always
/// recorded; it is null only in a withheld comment, where who said it is hidden with what was said.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Comment(
    string Id,
    int Seq,
    CommentKind Kind,
    string? Speaker,
    string? Role,
    string? Position,
    string Text,
    string RecordedAt,
    Sensitivity Sensitivity = Sensitivity.Participants,
    PersonalBasis? Basis = null,
    Withheld? Withheld = null
);

/// <summary>
/// One change to a meeting's record, as the meeting grain accepted it: exactly one of the three is set. Recorders'
/// pages receive these in <see cref="Seq"/> order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RecordEntry(int Seq, AgendaItem? AgendaItem, Opinion? Opinion, Comment? Comment);

/// <summary>
/// What a recorder's page waits for: the last durable entry and the entries after the page's last one, the items
/// re-shown since the page last asked (<see cref="IMeetingGrain.Revised"/>) as they are now, whether who may see what
/// changed (<see cref="SightChanged"/>), the items deleted by a correction (<see cref="Removed"/>), and the latest
/// revision's time (UTC ticks) to ask after next. Entries are as stored: the page shows them through its reader's view
/// (<c>Disclosure.FollowAsync</c>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MeetingChange(
    int Seq,
    long Revision,
    IReadOnlyList<RecordEntry> Entries,
    IReadOnlyList<RecordEntry> Revised,
    bool SightChanged,
    IReadOnlyList<string> Removed
);

public sealed record AgendaItemInput(string? Title);

[GenerateSerializer, Immutable]
public sealed record OpinionInput(
    string? AgendaItemId,
    string? Text,
    OpinionKind? Kind = null,
    string? Speaker = null,
    string? Organisation = null,
    string? RespondsTo = null,
    string? RecordedBy = null,
    Sensitivity? Sensitivity = null,
    PersonalBasis? Basis = null
);

[GenerateSerializer, Immutable]
public sealed record CommentInput(
    string? Speaker,
    string? Text,
    CommentKind? Kind = null,
    string? Role = null,
    string? Position = null,
    Sensitivity? Sensitivity = null,
    PersonalBasis? Basis = null
);

/// <summary>
/// What the meeting grain answers: the accepted entry, or why it was refused. <see cref="Repeated"/>: the entry was
/// recorded before, under the same entry key, and is answered again without being stored twice.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RecordResult(
    RecordEntry? Entry,
    string? ErrorCode = null,
    string? Field = null,
    string? Message = null,
    bool Repeated = false
);

public static class OpinionKindNames
{
    public static string Japanese(this OpinionKind kind) =>
        kind switch
        {
            OpinionKind.Opinion => "意見",
            OpinionKind.Question => "質問",
            OpinionKind.Proposal => "提案",
            _ => "回答・提案（⇒）",
        };
}
