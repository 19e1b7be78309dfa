using FsCheck.Xunit;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Errors;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>
/// Whatever is pasted, the parser reads it or refuses it with a reason (a <see cref="PlatformException"/> below 500):
/// no other exception, which the host would answer 500. Fixed seed, so a run is the same on every machine.
/// </summary>
public class ParserPropertyTests
{
    [Property(Arbitrary = new[] { typeof(SummaryMutations) }, MaxTest = 300, Replay = "(20261130,1013904223)")]
    public void A_mutated_summary_is_read_or_refused_with_a_reason(MutatedSummary summary)
    {
        try
        {
            ExchangeSummaryParser.Parse(summary.Text, SeedDocument.Positions);
        }
        catch (PlatformException e)
        {
            Assert.InRange(e.Status, 400, 499);
        }
    }

    // Cases the property found, kept by name.

    [Theory]
    [InlineData("気仙沼市(99999999999)", "import.count_too_large")]
    [InlineData("気仙沼市(٣٤)", "import.digits")]
    [InlineData("気仙沼市(19)，登米市(14)　合計 ٧٠名", "import.digits")]
    [InlineData("気仙沼市(19)，登米市(14)　合計 99999999999名", "import.count_too_large")]
    public void A_count_in_other_digits_or_too_large_is_left_out_with_a_warning(string counts, string code)
    {
        var text = SeedDocument.Text.Replace("気仙沼市(19)，登米市(14)", counts);
        var (document, warnings) = ExchangeSummaryParser.Parse(text, SeedDocument.Positions);
        Assert.Contains(warnings, w => w.Code == code && w.Session == 1);
        Assert.DoesNotContain(document.Sessions[0].Counts, c => c.Name == "気仙沼市" && c.Count != 19);
    }

    [Theory]
    [InlineData("令和元年１１月１９日（火）１٠：００～１２：００")]
    [InlineData("令和元年١١月١٩日（火）１０：００～１２：００")]
    public void A_date_or_time_in_other_digits_is_a_warning_and_no_date(string when)
    {
        var text = SeedDocument.Text.Replace(
            "令和元年１１月１９日（火）１０：００～１２：００，１３：３０～１５：３０",
            when
        );
        var (document, warnings) = ExchangeSummaryParser.Parse(text, SeedDocument.Positions);
        Assert.Contains(warnings, w => w.Code == "import.digits" && w.Session == 1);
        Assert.Equal(default, document.Sessions[0].Date);
    }

    [Fact]
    public void A_municipality_listed_more_often_than_a_session_can_hold_is_refused_with_a_reason()
    {
        var text = SeedDocument.Text.Replace(
            "気仙沼市(19)，",
            string.Concat(Enumerable.Repeat("気仙沼市(1)，", SummaryLimits.CountsPerSession + 1))
        );
        var refused = Assert.Throws<PlatformException>(() => ExchangeSummaryParser.Parse(text, SeedDocument.Positions));
        Assert.Equal((400, "import.too_large"), (refused.Status, refused.Code));
    }

    // Found by the property (a duplicated slice cut 𝟙 in half): normalization threw on the lone surrogate.
    [Fact]
    public void A_character_cut_in_half_is_read_not_thrown()
    {
        var (document, _) = ExchangeSummaryParser.Parse(
            SeedDocument.Text.Replace("東北こども", "東北\ud835こども"),
            SeedDocument.Positions
        );
        Assert.Equal("東北\ufffdこども福祉専門学院", document.Sessions[0].Advisors[0].Organisation);
    }

    // Found through the host on PostgreSQL (a repeated piece made a theme 2,000 characters long): its column holds 200.
    [Theory]
    [InlineData("区分・会場 県北部", "北", 100)]
    [InlineData("テーマ：", "長い", 100)]
    public void A_region_or_theme_longer_than_its_column_is_refused_with_a_reason(string from, string piece, int times)
    {
        var text = SeedDocument.Text.Replace(from, from + string.Concat(Enumerable.Repeat(piece, times)));
        var refused = Assert.Throws<PlatformException>(() => ExchangeSummaryParser.Parse(text, SeedDocument.Positions));
        Assert.Equal((400, "import.too_large"), (refused.Status, refused.Code));
    }

    [Fact]
    public void Invisible_characters_and_line_ends_do_not_change_what_is_read()
    {
        var plain = ExchangeSummaryParser.Parse(SeedDocument.Text, SeedDocument.Positions);
        var noisy = ExchangeSummaryParser.Parse(
            "\uFEFF\u200B" + SeedDocument.Text.Replace("\n", "  \r\n").Replace("区分", "\u2060区分"),
            SeedDocument.Positions
        );
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(plain.Document),
            System.Text.Json.JsonSerializer.Serialize(noisy.Document)
        );
    }
}
