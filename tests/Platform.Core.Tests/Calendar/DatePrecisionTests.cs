using Platform.Abstractions.Calendar;

namespace Platform.Core.Tests.Calendar;

/// <summary>A date known only to its month or fiscal year is read, kept and written as just that.</summary>
public sealed class DatePrecisionTests
{
    [Theory]
    [InlineData("平成31年2月14日", "2019-02-14", DatePrecision.Day)]
    [InlineData("平成31年2月", "2019-02-01", DatePrecision.Month)]
    [InlineData("平成３１年２月", "2019-02-01", DatePrecision.Month)]
    [InlineData("2019-02", "2019-02-01", DatePrecision.Month)]
    [InlineData("平成30年度", "2018-04-01", DatePrecision.FiscalYear)]
    [InlineData("令和元年度", "2019-04-01", DatePrecision.FiscalYear)]
    [InlineData("2018年度", "2018-04-01", DatePrecision.FiscalYear)]
    public void A_day_a_month_or_a_fiscal_year_is_read_as_its_first_day(
        string text,
        string expected,
        DatePrecision precision
    )
    {
        Assert.True(DatePrecisions.TryParse(text, out var date, out var read));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(precision, read);
    }

    [Theory]
    [InlineData("平成31年13月")]
    [InlineData("平成31年")]
    [InlineData("2019-00")]
    [InlineData("年度")]
    [InlineData("")]
    public void What_is_no_date_month_or_fiscal_year_is_refused(string text) =>
        Assert.False(DatePrecisions.TryParse(text, out _, out _));

    [Fact]
    public void Each_precision_is_written_without_what_is_not_known_and_read_back_from_the_form()
    {
        var day = new DateOnly(2019, 2, 1);
        Assert.Equal("平成３１年２月１日（金）", DatePrecisions.Format(day, DatePrecision.Day));
        Assert.Equal("平成３１年２月", DatePrecisions.Format(day, DatePrecision.Month));
        Assert.Equal(
            "平成30年度（日付の記録なし）",
            DatePrecisions.Format(day, DatePrecision.FiscalYear, fullWidth: false)
        );
        foreach (var precision in Enum.GetValues<DatePrecision>())
        {
            var start = DatePrecisions.Start(day, precision);
            Assert.True(
                DatePrecisions.TryParse(DatePrecisions.InputText(start, precision), out var back, out var read)
            );
            Assert.Equal((start, precision), (back, read));
        }
    }
}
