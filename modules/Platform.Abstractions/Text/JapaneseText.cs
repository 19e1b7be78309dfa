using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Abstractions.Text;

/// <summary>The two ways what people type is tidied before it is stored.</summary>
public static partial class JapaneseText
{
    /// <summary>
    /// For what the machine reads (ids, codes, numbers, dates): NFKC, so full-width digits and letters become ASCII and
    /// half-width katakana become full-width; trimmed, including the ideographic space.
    /// </summary>
    public static string Normalize(string? input) =>
        string.IsNullOrEmpty(input) ? "" : WellFormed(input).Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>
    /// The text with each lone surrogate (half of a character beyond the BMP, cut off by a paste or sent as "\ud835"
    /// in JSON) as U+FFFD: normalization throws on them, and a request would be answered 500.
    /// </summary>
    public static string WellFormed(string input)
    {
        var i = 0;
        while (
            i < input.Length
            && Rune.DecodeFromUtf16(input.AsSpan(i), out _, out var used) == System.Buffers.OperationStatus.Done
        )
            i += used;
        if (i == input.Length)
            return input;
        var builder = new StringBuilder(input.Length);
        builder.Append(input, 0, i);
        while (i < input.Length)
        {
            Rune.DecodeFromUtf16(input.AsSpan(i), out var rune, out var used);
            builder.Append(rune.ToString());
            i += used;
        }
        return builder.ToString();
    }

    /// <summary>
    /// For what people read (names, titles, opinions): kept as typed, because documents write （第２回） with
    /// full-width brackets and digits, except that half-width katakana become full-width and half a character (see
    /// <see cref="WellFormed"/>) U+FFFD, which no database could store as UTF-8. Trimmed.
    /// </summary>
    public static string Clean(string? input) =>
        string.IsNullOrEmpty(input)
            ? ""
            : HalfWidthKana().Replace(WellFormed(input), m => m.Value.Normalize(NormalizationForm.FormKC)).Trim();

    /// <summary><see cref="Clean"/>, or null when nothing is left; cut to <paramref name="max"/> characters if
    /// given.</summary>
    public static string? CleanOrNull(string? input, int max = int.MaxValue) =>
        Clean(input) is { Length: > 0 } t
            ? t.Length > max
                ? t[..max]
                : t
            : null;

    [GeneratedRegex("[\uFF61-\uFF9F]+")]
    private static partial Regex HalfWidthKana();
}
