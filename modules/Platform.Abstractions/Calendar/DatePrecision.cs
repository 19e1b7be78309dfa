namespace Platform.Abstractions.Calendar;

/// <summary>
/// How much of a date the record knows. Source documents sometimes give only a month (平成31年2月) or only the fiscal
/// year in which something happened; the record keeps that much and no invented day. The date itself is then the
/// first day of the month or of the fiscal year (1 April), so that sorting and fiscal-year sums still work.
/// </summary>
public enum DatePrecision
{
    /// <summary>The day is known.</summary>
    Day,

    /// <summary>Only the month is known.</summary>
    Month,

    /// <summary>Only the fiscal year (年度) is known.</summary>
    FiscalYear,
}

/// <summary>Dates known to a precision, in 和暦.</summary>
public static partial class DatePrecisions
{
    /// <summary>
    /// Reads a day (2019-02-14, 平成31年2月14日), a month (2019-02, 平成31年2月) or a fiscal year (平成30年度, 2018年度), as
    /// people write them (full-width digits too): the date is the first day of what was given.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date, out DatePrecision precision)
    {
        precision = DatePrecision.Day;
        if (JapaneseDate.TryParseDate(text, out date))
            return true;
        var normalized = Text.JapaneseText.Normalize(text).Replace(" ", "");
        if (FiscalYearText().Match(normalized) is { Success: true } fy)
        {
            precision = DatePrecision.FiscalYear;
            return JapaneseDate.TryParseDate($"{fy.Groups[1].Value}年4月1日", out date);
        }
        precision = DatePrecision.Month;
        return JapaneseDate.TryParseDate(normalized.EndsWith('月') ? normalized + "1日" : normalized + "-01", out date);
    }

    /// <summary>The date as a person would type it back into a form: 平成31年2月14日, 平成31年2月, 平成30年度.</summary>
    public static string InputText(DateOnly date, DatePrecision precision) =>
        precision == DatePrecision.FiscalYear
            ? FiscalYear.Of(date).Name
            : Format(date, precision, fullWidth: false, weekday: false);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+?)年度$")]
    private static partial System.Text.RegularExpressions.Regex FiscalYearText();

    /// <summary>The first day of the period the date falls in at this precision.</summary>
    public static DateOnly Start(DateOnly date, DatePrecision precision) =>
        precision switch
        {
            DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
            DatePrecision.FiscalYear => FiscalYear.Of(date).Start,
            _ => date,
        };

    /// <summary>令和元年１１月１９日（火）, 平成３１年２月, or 平成３０年度（日付の記録なし）.</summary>
    public static string Format(DateOnly date, DatePrecision precision, bool fullWidth = true, bool weekday = true)
    {
        var text = precision switch
        {
            DatePrecision.Month => MonthText(date),
            DatePrecision.FiscalYear => FiscalYear.Of(date).Name + "（日付の記録なし）",
            _ => Wareki.Format(date, fullWidth: false, weekday),
        };
        return fullWidth ? Wareki.FullWidthDigits(text) : text;
    }

    private static string MonthText(DateOnly date)
    {
        var day = Wareki.Format(date, fullWidth: false, weekday: false);
        return day[..(day.IndexOf('月') + 1)];
    }
}
