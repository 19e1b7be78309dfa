using System.Text;

namespace Platform.Abstractions.Text;

/// <summary>What people typed, written into Markdown that others render.</summary>
public static class MarkdownText
{
    /// <summary>
    /// Text as it was typed, never as markup: the summary is pasted into wikis and mail that render Markdown and often
    /// inline HTML, so a tag (&lt;script&gt;, &lt;img onerror=…&gt;) is written as entities and the characters that
    /// make links, images, emphasis, code or table cells are backslash-escaped; no link (javascript:, data:) can come
    /// of user text. Line breaks become &lt;br&gt;: inside a bullet or a table cell they would break the structure.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r", ""))
            escaped.Append(
                c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '\n' => "<br>",
                    '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' => "\\" + c,
                    _ => c.ToString(),
                }
            );
        return escaped.ToString();
    }
}
