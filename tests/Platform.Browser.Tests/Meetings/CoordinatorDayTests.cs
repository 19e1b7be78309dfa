using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.Meetings;

/// <summary>
/// A coordinator's day on a 768 px tablet: plan a meeting and correct its date, record with a typo and correct it,
/// delete a duplicated theme, undo 開催済み, confirm the 概要, find a speaker by a glyph variant of the name, and rename
/// a resource made from an opinion. Every confirmation is answered as a coordinator would.
/// </summary>
public class CoordinatorDayTests : BrowserTest
{
    [Fact]
    public async Task A_coordinators_day_on_a_tablet()
    {
        var api = Platform.Client;
        var body = await IdAsync(
            await api.PostAsJsonAsync(
                "/aomori/api/bodies",
                new { name = "筒井地区 支え合い会議", districtId = "aomori-tsutsui" }
            )
        );
        var page = await NewPageAsync(
            new()
            {
                Locale = "ja-JP",
                ViewportSize = new() { Width = 768, Height = 1024 },
            }
        );
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        // Plan the meeting from the meetings page (with the wrong day, as it turns out).
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings");
        var plan = page.GetByTestId("new-meeting");
        await plan.Locator("#bodyId").SelectOptionAsync(body);
        await plan.Locator("#title").FillAsync("第2回");
        await plan.Locator("#date").FillAsync("令和元年11月19日");
        await plan.Locator("[name=slot1Start]").FillAsync("１０：００");
        await plan.Locator("[name=slot1End]").FillAsync("12時");
        await plan.GetByRole(AriaRole.Button, new() { Name = "予定を登録する" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/aomori/meetings/[^/]+$"));
        var meeting = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The date was wrong: corrected on the meeting's own page, in 和暦.
        await page.GetByText("日時・会場を修正").ClickAsync();
        await page.Locator("#when-date").FillAsync("令和元年11月20日");
        await page.Locator("#when-venue").FillAsync("筒井市民センター");
        await page.GetByRole(AriaRole.Button, new() { Name = "日時・会場を保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recorder")).ToContainTextAsync("筒井市民センター");
        await Assertions.Expect(page.Locator("#recorder")).ToContainTextAsync("１１月２０日（水）");

        // Record: a theme typed twice by mistake, and an opinion with a typo.
        await Assertions.Expect(page.Locator("#record-status")).ToHaveAttributeAsync("data-state", "open");
        foreach (var count in new[] { 1, 2 })
        {
            await page.GetByTestId("theme-input").FillAsync("買い物の困りごと");
            await page.GetByTestId("theme-input").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("themes").Locator("li")).ToHaveCountAsync(count);
        }
        await page.GetByTestId("themes").Locator("li").First.Locator("button").ClickAsync();
        await page.GetByTestId("opinion-input").FillAsync("移動販売がほしいという声がおおい");
        await page.GetByTestId("opinion-input").PressAsync("Enter");
        var opinion = page.Locator("section.theme ul.opinions li").First;
        await Assertions.Expect(opinion).ToContainTextAsync("声がおおい");

        // The typo is corrected in place, keyboard first: 修正, type, Enter.
        await opinion.GetByRole(AriaRole.Button, new() { Name = "この意見を修正" }).ClickAsync();
        var text = opinion.Locator("form.fix-form input[name=text]");
        await Assertions.Expect(text).ToBeFocusedAsync();
        await text.FillAsync("移動販売がほしいという声が多い");
        await text.PressAsync("Enter");
        await Assertions.Expect(page.Locator("section.theme ul.opinions li").First).ToContainTextAsync("声が多い");
        await page.Locator("section.theme ul.opinions li")
            .First.GetByRole(AriaRole.Button, new() { Name = "この意見を修正" })
            .ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "履歴" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("ul.history"))
            .ToContainTextAsync("「移動販売がほしいという声がおおい」を");
        await page.Keyboard.PressAsync("Escape");

        // The duplicated theme is deleted, after a confirmation.
        var duplicate = page.Locator("section.theme").Nth(1);
        await duplicate.GetByRole(AriaRole.Button, new() { Name = "テーマ「買い物の困りごと」を修正" }).ClickAsync();
        await duplicate.GetByRole(AriaRole.Button, new() { Name = "削除" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("themes").Locator("li")).ToHaveCountAsync(1);
        Assert.Contains(asked, m => m.Contains("このテーマを削除します", StringComparison.Ordinal));

        // An advisor's comment, whose name the search will be asked for in another spelling.
        await page.Locator("#comment-form input[name=speaker]").FillAsync("渡辺");
        await page.Locator("#comment-form input[name=text]").FillAsync("移動販売の事業者に声をかけてみては");
        await page.Locator("#comment-form input[name=text]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#comments")).ToContainTextAsync("＜渡辺＞");

        // 開催済み marked, undone, marked again; the 概要 confirmed.
        await page.GetByTestId("mark-held").ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("開催済み");
        await page.GetByTestId("back-to-planned").ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("予定");
        await page.GetByTestId("mark-held").ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("開催済み");
        await page.GetByTestId("approve-minutes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reopen-form")).ToBeVisibleAsync();
        Assert.Contains(asked, m => m.Contains("概要を確定します", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 768);

        // The speaker is found by 渡邊.
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/search?q=渡邊");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("移動販売の事業者に声をかけてみては");

        // A resource made from the opinion is named after the sentence until it is renamed.
        var opinionId = (await api.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{meeting}/record"))
            .GetProperty("record")
            .GetProperty("opinions")[0]
            .GetProperty("id")
            .GetString();
        var resource = await IdAsync(
            await api.PostAsJsonAsync($"/aomori/api/meetings/{meeting}/opinions/{opinionId}/resource", new { })
        );
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/resources");
        await page.GetByTestId($"edit-{resource}").ClickAsync();
        await page.Locator("#name").FillAsync("移動販売（筒井）");
        await page.Locator("#contact").FillAsync("017-000-0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("catalogue")).ToContainTextAsync("移動販売（筒井）");
    }

    private static async Task<string> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
