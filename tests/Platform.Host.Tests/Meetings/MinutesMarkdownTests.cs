using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.Tests.Meetings;

/// <summary>The Markdown summary is pasted where Markdown and inline HTML are rendered: what was typed must stay
/// text.</summary>
public class MinutesMarkdownTests : PlatformTest
{
    private const string Meeting = "aomori-shinjo-briefing-h30";

    [Fact]
    public async Task Markup_typed_into_the_record_is_text_in_the_markdown_summary_and_makes_no_link()
    {
        var coordinator = await Platform.ClientForAsync("aomori-coordinator");
        var api = $"/aomori/api/meetings/{Meeting}";
        var agendaId = (await coordinator.GetFromJsonAsync<JsonElement>($"{api}/record"))
            .GetProperty("record")
            .GetProperty("agenda")[0]
            .GetProperty("id")
            .GetString();
        var opinion = await coordinator.PostAsJsonAsync(
            $"{api}/opinions",
            new
            {
                agendaItemId = agendaId,
                text = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
                sensitivity = "public",
            }
        );
        Assert.Equal(HttpStatusCode.Created, opinion.StatusCode);
        var comment = await coordinator.PostAsJsonAsync(
            $"{api}/comments",
            new
            {
                speaker = "[y](data:text/html,<b>)",
                text = "![z](javascript:alert(2)) <https://example.org> &lt;i&gt;",
                sensitivity = "public",
            }
        );
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);

        var md = await coordinator.GetStringAsync($"{api}/minutes?format=md");
        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", md, StringComparison.OrdinalIgnoreCase);
        // A link is "](" with the bracket not escaped; "\](" is text.
        Assert.DoesNotMatch(@"(?<!\\)\]\(\s*(javascript|data):", md);
        Assert.Contains(@"&lt;script&gt;alert(1)&lt;/script&gt; \[x\](javascript:alert(1))", md);
        Assert.Contains(@"!\[z\](javascript:alert(2))", md);
        Assert.Contains("&amp;lt;i&amp;gt;", md);
    }
}
