using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Core.Text;

/// <summary>The two ways what people type is tidied before it is stored.</summary>
public static partial class JapaneseText
{
    /// <summary>
    /// For what the machine reads (ids, codes, numbers, dates): NFKC, so full-width digits and letters become ASCII and
    /// half-width katakana become full-width; trimmed, including the ideographic space.
    /// </summary>
    public static string Normalize(string? input) =>
        string.IsNullOrEmpty(input) ? "" : input.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>
    /// For what people read (names, titles, opinions): kept as typed, because documents write （第２回） with
    /// full-width brackets and digits, except that half-width katakana become full-width. Trimmed.
    /// </summary>
    public static string Clean(string? input) =>
        string.IsNullOrEmpty(input) ? "" : HalfWidthKana().Replace(input, m => m.Value.Normalize(NormalizationForm.FormKC)).Trim();

    /// <summary><see cref="Clean"/>, or null when nothing is left; cut to <paramref name="max"/> characters if given.</summary>
    public static string? CleanOrNull(string? input, int max = int.MaxValue) =>
        Clean(input) is { Length: > 0 } t ? t.Length > max ? t[..max] : t : null;

    [GeneratedRegex("[\uFF61-\uFF9F]+")]
    private static partial Regex HalfWidthKana();
}
