using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.ExchangeSessions;

/// <summary>A comment of the demo round becomes an action item of the 連絡会議, with JavaScript switched off: the
/// form posts and the page comes back with it.</summary>
public class CommentActionTests : BrowserTest
{
    [Fact]
    public async Task A_comment_becomes_an_action_item_of_the_council_without_javascript()
    {
        var rounds = await Platform.Client.GetFromJsonAsync<JsonElement>("/miyagi/api/exchange-rounds");
        var roundId = rounds[0].GetProperty("id").GetString();
        var page = await NewPageAsync(new() { Locale = "ja-JP", JavaScriptEnabled = false });
        await page.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions/{roundId}");
        await Assertions.Expect(page.GetByTestId("council-people")).ToContainTextAsync("西塚 国彦");

        var comment = page.GetByTestId("comment").Filter(new() { HasText = "浦戸地区" });
        await comment.Locator("summary").ClickAsync();
        await comment
            .GetByLabel("対応事項", new() { Exact = true })
            .FillAsync("浦戸地区と大島地区の情報交換会を検討する");
        await comment
            .GetByLabel("担当")
            .SelectOptionAsync(new SelectOptionValue { Label = "宮城県地域支え合い・生活支援推進連絡会議" });
        await comment.GetByRole(AriaRole.Button, new() { Name = "対応事項として登録" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("action-created")).ToBeVisibleAsync();
        await Assertions
            .Expect(page.GetByTestId("comment").Filter(new() { HasText = "浦戸地区" }).GetByTestId("comment-action"))
            .ToContainTextAsync(
                "浦戸地区と大島地区の情報交換会を検討する［担当：宮城県地域支え合い・生活支援推進連絡会議］"
            );
    }
}
