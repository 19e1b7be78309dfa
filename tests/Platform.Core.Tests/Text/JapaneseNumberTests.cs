using Platform.Abstractions.Errors;

namespace Platform.Core.Tests.Text;

public class JapaneseNumberTests
{
    [Theory]
    [InlineData("34", NumberReading.Read, 34)]
    [InlineData("３４", NumberReading.Read, 34)]
    [InlineData(" 0 ", NumberReading.Read, 0)]
    [InlineData("", NumberReading.Empty, 0)]
    [InlineData("٣٤", NumberReading.ForeignDigits, 0)]
    [InlineData("३४", NumberReading.ForeignDigits, 0)]
    [InlineData("3٤", NumberReading.ForeignDigits, 0)]
    [InlineData("99999999999", NumberReading.TooLarge, 0)]
    [InlineData("99999999999x", NumberReading.NotANumber, 0)]
    [InlineData("-3", NumberReading.NotANumber, 0)]
    [InlineData("1.5", NumberReading.NotANumber, 0)]
    public void Ascii_and_full_width_digits_are_numbers_and_nothing_else_is(
        string input,
        NumberReading expected,
        long value
    )
    {
        Assert.Equal(expected, JapaneseNumber.TryRead(input, int.MaxValue, out var read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void The_limit_is_inclusive()
    {
        Assert.Equal(NumberReading.Read, JapaneseNumber.TryRead("2147483647", int.MaxValue, out var max));
        Assert.Equal(int.MaxValue, max);
        Assert.Equal(NumberReading.TooLarge, JapaneseNumber.TryRead("2147483648", int.MaxValue, out _));
        Assert.Equal(NumberReading.TooLarge, JapaneseNumber.TryRead("100001", 100_000, out _));
    }

    [Fact]
    public void A_field_gets_a_field_error_with_a_stable_code_never_an_exception()
    {
        var errors = new ValidationErrors();
        Assert.Null(JapaneseNumber.Optional("٣٤", errors, "count", "x.invalid", "人数"));
        Assert.Null(JapaneseNumber.Optional("99999999999", errors, "total", "x.invalid", "合計"));
        Assert.Null(JapaneseNumber.Optional("abc", errors, "other", "x.invalid", "その他"));
        Assert.Equal(12, JapaneseNumber.Optional("１２", errors, "fine", "x.invalid", "可"));
        var codes = (Dictionary<string, string>)errors.ToException().Extensions["fieldCodes"]!;
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["count"] = "validation.digits",
                ["total"] = "validation.too_large",
                ["other"] = "x.invalid",
            },
            codes
        );
        Assert.Contains("人数「٣٤」", errors.ToException().Errors!["count"][0]);
    }

    [Fact]
    public void Half_a_character_is_a_replacement_character_not_an_exception()
    {
        Assert.Equal("a\ufffdb", JapaneseText.Normalize("a\ud835b"));
        Assert.Equal("\ufffd", JapaneseText.Normalize("\udc99"));
        Assert.Equal("1", JapaneseText.Normalize("\ud835\udfd9"));
        Assert.False(JapaneseDate.TryParseDate("2019-11-1\ud835", out _));
    }

    [Theory]
    [InlineData("令和元年١١月١٩日")]
    [InlineData("٢٠١٩-١١-١٩")]
    [InlineData("2019-1١-19")]
    public void Dates_in_other_digits_are_not_dates_and_not_exceptions(string input)
    {
        Assert.False(JapaneseDate.TryParseDate(input, out _));
        var errors = new ValidationErrors();
        Assert.Null(JapaneseDate.Optional(input, errors, "date", "x.invalid_date", "開催日"));
        Assert.Equal("validation.digits", errors.ToException().Code);
    }

    [Fact]
    public void Times_in_other_digits_are_not_times_and_full_width_ones_are()
    {
        Assert.False(JapaneseDate.TryParseTime("١٠:٠٠", out _));
        Assert.True(JapaneseDate.TryParseTime("１０：００", out var time));
        Assert.Equal(new TimeOnly(10, 0), time);
        Assert.True(JapaneseDate.TryParseDate("令和元年１１月１９日", out var date));
        Assert.Equal(new DateOnly(2019, 11, 19), date);
    }
}
