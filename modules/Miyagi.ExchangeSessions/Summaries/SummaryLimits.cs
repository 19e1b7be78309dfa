using Platform.Abstractions.Errors;

namespace Miyagi.ExchangeSessions.Summaries;

/// <summary>
/// How much one 概要 may hold. A real round has a handful of sessions, each with tens of municipalities, advisors and
/// comments; these bounds are far above that, and keep a pasted log or a runaway file from becoming thousands of
/// meetings, or attribution (every header against every person) from growing with the square of the document.
/// </summary>
public static class SummaryLimits
{
    public const int Sessions = 50;
    public const int CountsPerSession = 500;
    public const int ParticipantsPerSession = 300;
    public const int CommentBlocksPerSession = 300;
    public const int SlotsPerSession = 10;

    /// <summary>Opinions and comment paragraphs of the whole document, each one record entry.</summary>
    public const int Items = 5000;

    /// <summary>A head count above this is not a head count (the whole prefecture's sessions are a few hundred
    /// people).</summary>
    public const int HeadCount = Platform.Abstractions.Meetings.Attendance.MaxHeadCount;

    /// <summary>A region's name (県北部) as its column holds it.</summary>
    public const int RegionLength = 100;

    /// <summary>A theme's title, which becomes an agenda item's title.</summary>
    public const int ThemeLength = 200;

    /// <summary>Refuses the document when a name is longer than where it is stored.</summary>
    public static void CheckLength(string text, int max, string where, string what)
    {
        if (text.Length > max)
            throw new PlatformException(
                400,
                "import.too_large",
                "概要として長すぎる項目があります。",
                $"{where}{what}「{text[..20]}…」が{max}文字を超えています。見出しの行の改行が抜けていないか確認してください。"
            );
    }

    /// <summary>Refuses the document when <paramref name="count"/> goes over <paramref name="max"/>.</summary>
    public static void Check(int count, int max, string where, string what)
    {
        if (count > max)
            throw new PlatformException(
                400,
                "import.too_large",
                "概要として多すぎる内容です。",
                $"{where}{what}が{max:N0}件を超えています。概要の全文だけを貼り付けてください（別の文書が混ざっていないか確認してください）。"
            );
    }
}
