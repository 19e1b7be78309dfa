using Microsoft.Playwright;

namespace Platform.Browser.Tests.Bodies;

public class BodyEditPageTests : BrowserTest
{
    [Fact]
    public async Task Staff_choose_the_meeting_kinds_a_body_counts_on_its_form_and_the_dashboard_follows()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP", JavaScriptEnabled = false });
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/bodies");
        var row = page.Locator("tr", new() { HasText = "新城地区 地域支え合い会議" });
        await row.GetByRole(AriaRole.Link, new() { Name = "編集" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新城地区 地域支え合い会議を編集");

        // A refused field is explained next to itself, and the ticked boxes are kept.
        var kinds = page.GetByTestId("counted-kinds");
        await kinds.GetByLabel("説明会").CheckAsync();
        await page.Locator("#atLeast").FillAsync("三");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#cadence-error"))
            .ToHaveTextAsync("年度あたりの開催回数は数字（例：3）で入力してください。");
        await Assertions.Expect(page.GetByTestId("counted-kinds").GetByLabel("説明会")).ToBeCheckedAsync();

        await page.Locator("#atLeast").FillAsync("３");
        await page.GetByTestId("counted-kinds").GetByLabel("定例会議").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        await Assertions.Expect(page.GetByTestId("counted-kinds").GetByLabel("説明会")).ToBeCheckedAsync();
        await Assertions
            .Expect(page.GetByTestId("counted-bodies").GetByLabel("新城地区 地域支援ネットワーク会議"))
            .ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#atLeast")).ToHaveValueAsync("3");

        // 筒井 has no body: the dashboard says so rather than 開催時期.
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/dashboard");
        await Assertions
            .Expect(page.Locator("tr[data-district=aomori-tsutsui] td").Nth(1))
            .ToHaveTextAsync("協議体なし");
    }
}
