using Miyagi.ExchangeSessions.Summaries;

namespace Platform.Host.Tests.ExchangeSessions;

public class SummaryMarkdownTests
{
    [Fact]
    public void Markup_in_an_imported_text_stays_text_in_the_regenerated_markdown()
    {
        var index = SeedDocument.Text.IndexOf("○", StringComparison.Ordinal);
        var hostile = SeedDocument.Text.Insert(
            index + 1,
            "<script>alert(1)</script>[x](javascript:alert(1))<img src=x onerror=alert(2)>"
        );
        var (document, _) = ExchangeSummaryParser.Parse(hostile, SeedDocument.Positions);

        var markdown = ExchangeSummaryWriter.Markdown(document);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\[x\\](javascript:alert(1))&lt;img", markdown);
        Assert.DoesNotContain("<script", markdown);
        Assert.DoesNotContain("<img", markdown);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript:", markdown);
    }
}
