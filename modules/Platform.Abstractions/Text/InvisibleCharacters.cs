using System.Globalization;
using Platform.Abstractions.Errors;

namespace Platform.Abstractions.Text;

/// <summary>
/// Control and format characters (bidi overrides such as U+202E, zero-width spaces, BOMs) and the line and paragraph
/// separators have no place in a name, a title, a file name or a return URL: they make 「‮gnp.exe」 read as 「exe.png」
/// and make two equal-looking names differ. Variation selectors of 異体字 are not among them (they are marks, not format
/// characters) and stay allowed.
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>The code of the field error.</summary>
    public const string Code = "text.invisible_characters";

    /// <summary>Whether the character is a control, format or separator character.</summary>
    public static bool Is(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.Control
                or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator;

    /// <summary>Whether the text holds such a character.</summary>
    public static bool In(string? text) => text is not null && text.Any(Is);

    /// <summary>Adds a field error naming <paramref name="label"/> when <paramref name="text"/> holds such a
    /// character.</summary>
    public static ValidationErrors RefuseInvisible(
        this ValidationErrors errors,
        string field,
        string label,
        string? text
    ) => In(text) ? errors.Add(field, Code, Message(label)) : errors;

    /// <summary>The same refusal, for a grain that answers with a message instead of collecting errors.</summary>
    public static string Message(string label) =>
        $"{label}に見えない制御文字（文字の向きを変える記号など）が含まれています。削除してから入力してください。";
}
