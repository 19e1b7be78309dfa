using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.Meetings;

public class MeetingRecorderTests : BrowserTest
{
    [Fact]
    public async Task Two_recorders_typing_into_one_theme_at_once_see_every_opinion_in_one_order_and_the_summary_shows_them()
    {
        var api = Platform.Client;
        var body = await (
            await api.PostAsJsonAsync(
                "/aomori/api/bodies",
                new { name = "筒井地区 地域支え合い会議", districtId = "aomori-tsutsui" }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var meeting = await (
            await api.PostAsJsonAsync(
                "/aomori/api/meetings",
                new
                {
                    bodyId = body.GetProperty("id").GetString(),
                    title = "第1回",
                    date = "2019-11-19",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var url = $"{Platform.BaseUrl}/aomori/meetings/{meeting.GetProperty("id").GetString()}";

        var a = await (await NewContextAsync(new() { Locale = "ja-JP" })).NewPageAsync();
        var b = await (await NewContextAsync(new() { Locale = "ja-JP" })).NewPageAsync();
        await a.GotoAsync(url);
        await b.GotoAsync(url);
        await Assertions.Expect(b.Locator("#record-status")).ToHaveAttributeAsync("data-state", "open");

        await a.GetByTestId("theme-input").FillAsync("庁舎内連携");
        await a.GetByTestId("theme-input").PressAsync("Enter");
        await Assertions.Expect(b.GetByTestId("themes").Locator("li")).ToHaveCountAsync(1);
        await b.Keyboard.PressAsync("Alt+1");
        await Assertions.Expect(b.Locator("#current-theme")).ToHaveTextAsync("テーマ：庁舎内連携");

        async Task Record(IPage page, string who)
        {
            var input = page.GetByTestId("opinion-input");
            for (var i = 1; i <= 10; i++)
            {
                await input.FillAsync($"{who}の意見{i}");
                await input.PressAsync("Enter");
            }
        }
        await Task.WhenAll(Record(a, "記録者A"), Record(b, "記録者B"));

        // Each line's entry, without its 修正 button.
        var listA = a.Locator("section.theme ul.opinions li .entry");
        var listB = b.Locator("section.theme ul.opinions li .entry");
        await Assertions.Expect(listA).ToHaveCountAsync(20);
        await Assertions.Expect(listB).ToHaveCountAsync(20);
        var orderA = await listA.AllTextContentsAsync();
        Assert.Equal(orderA, await listB.AllTextContentsAsync());
        Assert.Equal(20, orderA.Distinct().Count());

        // How fast it arrives is measured by build/bench/FollowerFanout, not here: a timing in a test fails on a busy
        // machine.
        await a.GetByTestId("opinion-input").FillAsync("⇒回覧板で周知してはどうか");
        await a.GetByTestId("opinion-input").PressAsync("Enter");
        await Assertions.Expect(listB).ToHaveCountAsync(21);

        // A status change asks once, naming what it does.
        string? asked = null;
        b.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await b.GetByTestId("mark-held").ClickAsync();
        await Assertions.Expect(b.GetByTestId("meeting-status")).ToHaveTextAsync("開催済み");
        Assert.Contains("開催済みにします", asked);
        await b.GetByTestId("summary-link").ClickAsync();
        var summary = b.GetByTestId("minutes");
        await Assertions.Expect(summary).ToContainTextAsync("記録者Aの意見10");
        await Assertions.Expect(summary).ToContainTextAsync("記録者Bの意見10");
        await Assertions.Expect(summary.Locator("li.response")).ToHaveTextAsync("⇒ 回覧板で周知してはどうか");
        var summaryOrder = (await summary.Locator("ul.opinions li:not(.response)").AllTextContentsAsync())
            .Select(t => t.Trim())
            .ToList();
        Assert.Equal(orderA.Select(t => t.Trim()), summaryOrder);
    }

    [Fact]
    public async Task A_refused_opinion_keeps_the_text_and_explains_in_Japanese()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP" });
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings/aomori-shinjo-network-h30");
        await page.Keyboard.PressAsync("Alt+3");
        await Assertions.Expect(page.Locator("#current-theme")).ToHaveTextAsync("テーマ：地域活動の紹介");

        var input = page.GetByTestId("opinion-input");
        await input.FillAsync(new string('あ', 4001));
        await input.PressAsync("Enter");

        await Assertions
            .Expect(page.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("意見は4000文字以内で入力してください");
        await Assertions.Expect(input).ToHaveValueAsync(new string('あ', 4001));
    }
}
