using System.Text;

namespace Platform.Core.Text;

/// <summary>
/// The one normalisation applied to what people type: NFKC (full-width digits and letters become ASCII,
/// half-width katakana become full-width) and trimmed, including the ideographic space.
/// </summary>
public static class JapaneseText
{
    public static string Normalize(string? input) =>
        string.IsNullOrEmpty(input) ? "" : input.Normalize(NormalizationForm.FormKC).Trim();
}
