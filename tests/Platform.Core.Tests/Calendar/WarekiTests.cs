namespace Platform.Core.Tests.Calendar;

public class WarekiTests
{
    [Theory]
    [InlineData("2019-11-19", "令和元年１１月１９日（火）")]
    [InlineData("2018-10-26", "平成３０年１０月２６日（金）")]
    [InlineData("2019-04-30", "平成３１年４月３０日（火）")]
    [InlineData("2019-05-01", "令和元年５月１日（水）")]
    [InlineData("2020-01-01", "令和２年１月１日（水）")]
    [InlineData("1989-01-07", "昭和６４年１月７日（土）")]
    [InlineData("1989-01-08", "平成元年１月８日（日）")]
    public void Dates_are_written_as_municipal_documents_write_them(string iso, string expected) =>
        Assert.Equal(expected, Wareki.Format(DateOnly.Parse(iso)));

    [Theory]
    [InlineData(2018, "平成30年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(1988, "昭和63年度")]
    [InlineData(1989, "平成元年度")]
    public void Fiscal_years_take_the_era_in_force_at_their_end(int year, string expected) =>
        Assert.Equal(expected, new FiscalYear(year).Name);

    [Theory]
    [InlineData("2019-03-31", 2018)]
    [InlineData("2019-04-01", 2019)]
    [InlineData("2020-03-31", 2019)]
    public void The_fiscal_year_starts_in_April(string iso, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(DateOnly.Parse(iso)).Year);

    [Theory]
    [InlineData("2019-11-19", "2019-11-19")]
    [InlineData("２０１９／１１／１９", "2019-11-19")]
    [InlineData("令和元年１１月１９日（火）", "2019-11-19")]
    [InlineData("平成30年10月26日", "2018-10-26")]
    [InlineData("H30.10.26", "2018-10-26")]
    [InlineData("R2.1.5", "2020-01-05")]
    public void Typed_dates_are_read(string typed, string expected)
    {
        Assert.True(JapaneseDate.TryParseDate(typed, out var date));
        Assert.Equal(DateOnly.Parse(expected), date);
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("2019-13-01")]
    [InlineData("令和0年1月1日")]
    [InlineData("明日")]
    [InlineData("")]
    public void Impossible_dates_are_refused_not_rolled_over(string typed) =>
        Assert.False(JapaneseDate.TryParseDate(typed, out _));

    [Theory]
    [InlineData("10:00", "10:00")]
    [InlineData("１３：３０", "13:30")]
    [InlineData("9時05分", "09:05")]
    [InlineData("13時30分", "13:30")]
    [InlineData("１３時３０分", "13:30")]
    [InlineData("13時", "13:00")]
    [InlineData("１３時", "13:00")]
    [InlineData("13時半", "13:30")]
    [InlineData("13 : 30", "13:30")]
    [InlineData("午後1時30分", "13:30")]
    [InlineData("午前10時", "10:00")]
    [InlineData("午後0時", "12:00")]
    public void Typed_times_are_read(string typed, string expected)
    {
        Assert.True(JapaneseDate.TryParseTime(typed, out var time));
        Assert.Equal(TimeOnly.Parse(expected), time);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("13:60")]
    [InlineData("13時60分")]
    [InlineData("25時")]
    [InlineData("午後13時")]
    [InlineData("1330")]
    [InlineData("時")]
    [InlineData("")]
    public void Impossible_times_are_refused(string typed) => Assert.False(JapaneseDate.TryParseTime(typed, out _));

    [Theory]
    [InlineData("令和8年5月20日", "2026-05-20")]
    [InlineData("R8.5.20", "2026-05-20")]
    [InlineData("2026/5/20", "2026-05-20")]
    [InlineData("２０２６年５月２０日", "2026-05-20")]
    [InlineData("令和８年５月２０日（水）", "2026-05-20")]
    public void Dates_from_a_calendar_picker_or_typed_in_any_calendar_are_read(string typed, string expected)
    {
        Assert.True(JapaneseDate.TryParseDate(typed, out var date));
        Assert.Equal(DateOnly.Parse(expected), date);
    }
}
