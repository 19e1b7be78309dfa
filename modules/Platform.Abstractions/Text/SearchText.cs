using System.Text;

namespace Platform.Abstractions.Text;

/// <summary>
/// The form in which text is stored for search and in which queries are compared: NFKC (full-width and half-width
/// alike), katakana folded to hiragana, Latin lower-cased, runs of white space as one space, and glyph variants of
/// names (渡邊, 髙) as their representative (<see cref="NameVariants"/>). Stored beside the original so that every
/// provider can search it with a plain LIKE.
/// </summary>
public static class SearchText
{
    /// <summary>The text as it is stored for search and compared with a folded query.</summary>
    public static string Fold(string? text)
    {
        var normalized = JapaneseText.Normalize(text).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                    builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            // ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above their hiragana; ヷ-ヺ and ー have no hiragana and stay.
            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return NameVariants.Fold(builder.ToString());
    }

    /// <summary>The words of a query, folded, for a LIKE per word.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8).ToList();

    /// <summary>A LIKE pattern matching a term anywhere, with LIKE's wildcards escaped by <c>\</c>.</summary>
    public static string Contains(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
}
