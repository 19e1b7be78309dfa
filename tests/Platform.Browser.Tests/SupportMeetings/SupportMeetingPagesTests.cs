using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.SupportMeetings;

public class SupportMeetingPagesTests : BrowserTest
{
    [Fact]
    public async Task The_module_works_in_the_districts_where_it_is_on_and_is_404_where_it_is_off()
    {
        var api = Platform.Client;
        await api.DeleteAsync("/aomori/api/districts/aomori-namioka/modules/Aomori.SupportMeetings");
        await api.PutAsJsonAsync(
            "/aomori/api/districts/aomori-aburakawa/modules/Aomori.SupportMeetings/settings",
            new { requireSteeringCommitteeFirst = true }
        );
        var page = await NewPageAsync(new() { Locale = "ja-JP" });

        await page.GotoAsync($"{Platform.BaseUrl}/aomori/districts/aomori-aburakawa");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "地域支え合い会議" }).ClickAsync();
        await page.GetByTestId("create-support-meeting").ClickAsync();
        await Assertions
            .Expect(page.GetByTestId("charter"))
            .ToContainTextAsync("事案がなくても定期的に集まり情報交換を行う");

        var schedule = page.GetByTestId("schedule-support-meeting");
        await schedule.Locator("[name=date]").FillAsync("令和8年4月20日");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "予定する" }).ClickAsync();
        await Assertions.Expect(schedule.GetByRole(AriaRole.Alert)).ToContainTextAsync("先に幹事会を開いてください。");
        await schedule.Locator("[name=kind]").SelectOptionAsync("steering-committee");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "予定する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.grid").Nth(1)).ToContainTextAsync("幹事会");

        await page.GotoAsync($"{Platform.BaseUrl}/aomori/districts/aomori-shinjo/support-meetings");
        await Assertions.Expect(page.GetByTestId("linked")).ToContainTextAsync("新城地区 推進員A、新城地区 推進員B");
        await Assertions.Expect(page.GetByTestId("rollout-step")).ToContainTextAsync("④");

        var off = await page.GotoAsync($"{Platform.BaseUrl}/aomori/districts/aomori-namioka/support-meetings");
        Assert.Equal(404, off!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("この機能はここでは使えません。");

        await page.GotoAsync($"{Platform.BaseUrl}/aomori/support-meetings/rollout");
        await Assertions.Expect(page.Locator("tr[data-district=aomori-namioka]")).ToContainTextAsync("未導入");
        await Assertions.Expect(page.Locator("tr[data-district=aomori-ono]")).ToHaveAttributeAsync("data-reached", "4");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
    }
}
