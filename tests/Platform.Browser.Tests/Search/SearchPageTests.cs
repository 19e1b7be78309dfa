using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.Search;

public class SearchPageTests : BrowserTest
{
    private async Task<string> PostAsync(string url, object body, params string[] path)
    {
        var answer = await Platform.Client.PostAsJsonAsync(url, body);
        answer.EnsureSuccessStatusCode();
        var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var step in path)
            json = json.GetProperty(step);
        return path.Length == 0 ? "" : json.GetString()!;
    }

    [Fact]
    public async Task A_coordinator_finds_a_speaker_by_a_glyph_variant_of_her_name_on_a_tablet()
    {
        var body = await PostAsync(
            "/aomori/api/bodies",
            new
            {
                name = "筒井地区 見守り会議",
                tier = 2,
                territory = "district",
                districtId = "aomori-tsutsui",
            },
            "id"
        );
        var meeting = await PostAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = body,
                title = "第3回 見守り会議",
                date = "2025-04-01",
            },
            "id"
        );
        var theme = await PostAsync(
            $"/aomori/api/meetings/{meeting}/agenda",
            new { title = "見守り" },
            "agendaItem",
            "id"
        );
        await PostAsync(
            $"/aomori/api/meetings/{meeting}/opinions",
            new
            {
                agendaItemId = theme,
                text = "朝のラジオ体操の後に声をかけ合う",
                speaker = "渡邊 花子",
            }
        );

        var page = await NewPageAsync(
            new()
            {
                Locale = "ja-JP",
                ViewportSize = new() { Width = 768, Height = 1024 },
            }
        );
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/search");
        await page.GetByLabel("検索語").FillAsync("渡辺");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();

        var hit = page.GetByTestId("search-hits").Locator("li[data-type=opinion]");
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit).ToContainTextAsync("令和７年４月１日（火）");
        await Assertions.Expect(hit).ToContainTextAsync("朝のラジオ体操");
        await hit.GetByRole(AriaRole.Link, new() { Name = "第3回 見守り会議" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Platform.BaseUrl}/aomori/meetings/{meeting}");

        // 渡部 is another name: she is not found by it.
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/search?q=%E6%B8%A1%E9%83%A8");
        await Assertions.Expect(page.GetByTestId("search-hits").Locator("li[data-type=opinion]")).ToHaveCountAsync(0);
    }
}
