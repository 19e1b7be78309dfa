using System.Text;
using Platform.Abstractions.Text;

namespace Miyagi.ExchangeSessions.Summaries;

/// <summary>
/// The text of a 概要 as it is read and compared: without the characters nobody sees (a byte order mark, zero-width
/// spaces and joiners, word joiners), lines ended by LF whatever the source used (CRLF, CR, a PDF's form feed), no
/// spaces at a line's end, none around the whole; half a character (a lone surrogate) as U+FFFD. Two pastes of one
/// document give the same normal form.
/// </summary>
public static class SummaryText
{
    public static string Normalize(string text)
    {
        text = JapaneseText.WellFormed(text);
        var builder = new StringBuilder(text.Length);
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
                continue;
            if (c is '\r' or '\f' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                TrimLineEnd(builder, lineStart);
                builder.Append('\n');
                lineStart = builder.Length;
                continue;
            }
            builder.Append(c);
        }
        TrimLineEnd(builder, lineStart);
        return builder.ToString().Trim();
    }

    private static bool IsInvisible(char c) => c is '\uFEFF' or (>= '\u200B' and <= '\u200D') or '\u2060';

    // Each character is removed at most once, so trimming keeps the whole pass linear.
    private static void TrimLineEnd(StringBuilder builder, int lineStart)
    {
        while (builder.Length > lineStart && char.IsWhiteSpace(builder[^1]))
            builder.Length--;
    }
}
