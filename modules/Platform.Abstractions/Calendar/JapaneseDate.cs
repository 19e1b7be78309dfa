using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Abstractions.Calendar;

/// <summary>
/// Reads the dates and times people type: 2019-11-19, 2019/11/19, full-width digits, and 和暦 such as
/// 令和元年11月19日 or H30.10.26. An impossible date (2019-02-30) is refused, never rolled over. The input is NFKC
/// first, so full-width digits are ASCII by the time the patterns see it; the patterns say [0-9], not \d, which would
/// also take digits of other scripts (١١) that int.Parse then refuses with an exception.
/// </summary>
public static partial class JapaneseDate
{
    [GeneratedRegex(@"^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$")]
    private static partial Regex Gregorian();

    [GeneratedRegex(
        @"^(令和|平成|昭和|大正|明治|R|H|S|T|M)(元|[0-9]{1,2})[年.\-/]([0-9]{1,2})[月.\-/]([0-9]{1,2})日?$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Era();

    [GeneratedRegex(@"[（(][日月火水木金土][）)]$")]
    private static partial Regex WeekdaySuffix();

    [GeneratedRegex(@"^(午前|午後)?([0-9]{1,2})(?:[:時]([0-9]{2})分?|時(半)?)$")]
    private static partial Regex Time();

    /// <summary>Reads a date written as people write it (ISO, 2019/11/19, 令和元年11月19日, full-width digits, a weekday in
    /// brackets).</summary>
    public static bool TryParseDate(string? input, out DateOnly date)
    {
        date = default;
        var text = WeekdaySuffix().Replace(JapaneseText.Normalize(input).Replace(" ", ""), "");
        if (Gregorian().Match(text) is { Success: true } g)
            return TryMake(
                int.Parse(g.Groups[1].Value, CultureInfo.InvariantCulture),
                g.Groups[2].Value,
                g.Groups[3].Value,
                out date
            );
        if (Era().Match(text) is { Success: true } e)
        {
            var era = e.Groups[1].Value.ToUpperInvariant() switch
            {
                "R" => "令和",
                "H" => "平成",
                "S" => "昭和",
                "T" => "大正",
                "M" => "明治",
                var name => name,
            };
            var eraYear = e.Groups[2].Value == "元" ? 1 : int.Parse(e.Groups[2].Value, CultureInfo.InvariantCulture);
            return Wareki.ToGregorianYear(era, eraYear) is { } year
                && TryMake(year, e.Groups[3].Value, e.Groups[4].Value, out date);
        }
        return false;
    }

    /// <summary>
    /// An optional date field: null when left blank; one that cannot be read adds <paramref name="code"/> for
    /// <paramref name="field"/>, with the message 「{label}「…」は正しい日付ではありません。」, and answers null; digits of
    /// another script add <c>validation.digits</c> instead.
    /// </summary>
    public static DateOnly? Optional(string? input, ValidationErrors errors, string field, string code, string label)
    {
        if (string.IsNullOrWhiteSpace(input) || !JapaneseNumber.CheckDigits(input, errors, field, label))
            return null;
        if (TryParseDate(input, out var date))
            return date;
        errors.Add(field, code, $"{label}「{input}」は正しい日付ではありません。");
        return null;
    }

    /// <summary>10:00, １０：００, 10時00分, 13時, 13時半, 午後1時30分.</summary>
    public static bool TryParseTime(string? input, out TimeOnly time)
    {
        time = default;
        var match = Time().Match(JapaneseText.Normalize(input).Replace(" ", ""));
        if (!match.Success)
            return false;
        var hour = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var minute =
            match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)
            : match.Groups[4].Success ? 30
            : 0;
        // 午前 and 午後 count hours 0–12 (午後0時 is noon); a 24-hour clock beside them is a typo, not a time.
        if (match.Groups[1].Success)
        {
            if (hour > 12)
                return false;
            if (match.Groups[1].Value == "午後" && hour < 12)
                hour += 12;
        }
        if (hour > 23 || minute > 59)
            return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    private static bool TryMake(int year, string month, string day, out DateOnly date)
    {
        date = default;
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m))
            return false;
        date = new DateOnly(year, m, d);
        return true;
    }
}
