using System.Text;

namespace Platform.Abstractions.Calendar;

/// <summary>
/// 和暦 (Japanese era) dates as municipal documents write them: 令和元年１１月１９日（火）. Computed from our own era
/// table rather than <c>JapaneseCalendar</c>, whose output depends on the ICU data and culture of the machine and
/// writes 1年 where documents write 元年.
/// </summary>
public static class Wareki
{
    private sealed record Era(string Name, DateOnly Start);

    // Newest first. Reiwa began 2019-05-01: 2019-04-30 is still 平成31年.
    private static readonly Era[] Eras =
    [
        new("令和", new DateOnly(2019, 5, 1)),
        new("平成", new DateOnly(1989, 1, 8)),
        new("昭和", new DateOnly(1926, 12, 25)),
        new("大正", new DateOnly(1912, 7, 30)),
        new("明治", new DateOnly(1868, 1, 25)),
    ];

    private static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>The era of a date, e.g. 令和.</summary>
    public static string EraName(DateOnly date) => EraOf(date).Name;

    /// <summary>The era and its year number for a date, e.g. ("令和", 1) for 2019-11-19.</summary>
    public static (string Era, int Year) EraYear(DateOnly date)
    {
        var era = EraOf(date);
        return (era.Name, date.Year - era.Start.Year + 1);
    }

    /// <summary>令和元年１１月１９日（火）; half-width digits when <paramref name="fullWidth"/> is false.</summary>
    public static string Format(DateOnly date, bool fullWidth = true, bool weekday = true)
    {
        var (era, year) = EraYear(date);
        var text = $"{era}{YearText(year)}年{date.Month}月{date.Day}日" + (weekday ? $"（{Weekday(date)}）" : "");
        return fullWidth ? FullWidthDigits(text) : text;
    }

    /// <summary>令和元年度 for fiscal year 2019 (April 2019 – March 2020): the era of its first day.</summary>
    public static string FiscalYearName(int fiscalYear, bool fullWidth = false)
    {
        // Named after the era in force at its end (2019-04 – 2020-03 is 令和元年度, not 平成31年度), counting from the
        // calendar year it starts in; a year that ends in an era's first months (1988 → 昭和63年度) keeps its start's era.
        var start = EraOf(new DateOnly(fiscalYear, 4, 1));
        var end = EraOf(new DateOnly(fiscalYear + 1, 3, 31));
        var era = fiscalYear - end.Start.Year + 1 >= 1 ? end.Name : start.Name;
        var year = fiscalYear - (era == end.Name ? end.Start.Year : start.Start.Year) + 1;
        var text = $"{era}{YearText(year)}年度";
        return fullWidth ? FullWidthDigits(text) : text;
    }

    /// <summary>The weekday as one kanji: 日 月 火 水 木 金 土.</summary>
    public static string Weekday(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>The year of an era as a Gregorian year: (平成, 31) → 2019. Null for an unknown era or a year before it
    /// began.</summary>
    public static int? ToGregorianYear(string era, int year)
    {
        var found = Array.Find(Eras, e => e.Name == era);
        return found is null || year < 1 ? null : found.Start.Year + year - 1;
    }

    /// <summary>Whether the text is the name of an era (明治 … 令和).</summary>
    public static bool IsEraName(string text) => Array.Exists(Eras, e => e.Name == text);

    /// <summary>The text with ASCII digits as full-width ones (１２).</summary>
    public static string FullWidthDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c);
        return builder.ToString();
    }

    private static string YearText(int year) =>
        year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Era EraOf(DateOnly date) =>
        Array.Find(Eras, e => date >= e.Start)
        ?? throw new ArgumentOutOfRangeException(nameof(date), "Before the Meiji era.");
}
