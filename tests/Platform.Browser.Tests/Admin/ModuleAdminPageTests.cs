using Microsoft.Playwright;

namespace Platform.Browser.Tests.Admin;

public class ModuleAdminPageTests : BrowserTest
{
    [Fact]
    public async Task Switching_a_module_off_for_one_district_on_the_admin_page_makes_its_page_404_there_only()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP" });
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/");
        await page.GetByRole(AriaRole.Link, new() { Name = "モジュール管理" }).ClickAsync();
        await page.GetByTestId("switch-aomori-shinjo-Aomori.SupportMeetings").ClickAsync();

        await Assertions
            .Expect(page.GetByRole(AriaRole.Status))
            .ToContainTextAsync("新城で「Aomori.SupportMeetings」を無効にしました。");
        await Assertions
            .Expect(page.GetByTestId("switch-aomori-shinjo-Aomori.SupportMeetings"))
            .ToHaveTextAsync("有効にする");

        var shinjo = await page.GotoAsync($"{Platform.BaseUrl}/aomori/districts/aomori-shinjo/support-meetings");
        Assert.Equal(404, shinjo!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("この機能はここでは使えません。");

        var ono = await page.GotoAsync($"{Platform.BaseUrl}/aomori/districts/aomori-ono/support-meetings");
        Assert.Equal(200, ono!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("地域支え合い会議");
    }

    [Fact]
    public async Task A_refused_switch_and_invalid_settings_are_explained_in_Japanese_and_change_nothing()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(
            $"{Platform.BaseUrl}/aomori/admin/districts/aomori-ono/modules/Aomori.SupportMeetings/settings"
        );
        await page.FillAsync("#minMeetingsPerFiscalYear", "５");
        await page.FillAsync("#maxMeetingsPerFiscalYear", "４");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("入力内容に誤りがあります");
        await Assertions
            .Expect(page.Locator("[data-field=minMeetingsPerFiscalYear]"))
            .ToContainTextAsync("最少開催回数は最多開催回数以下");

        await page.FillAsync("#minMeetingsPerFiscalYear", "２");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("設定を保存しました。");
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/districts/aomori-ono/support-meetings");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("年2〜4回");
    }
}
