using Microsoft.Playwright;

namespace Platform.Browser.Tests.People;

public class OrganisationsAndPeoplePageTests : BrowserTest
{
    [Fact]
    public async Task Staff_register_an_organisation_and_a_promoter_with_dates_in_wareki_and_add_a_later_role()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP" });
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/");
        await page.GetByRole(AriaRole.Link, new() { Name = "団体・人" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("団体");

        var organisation = page.GetByTestId("organisation-form");
        await organisation.Locator("#name").FillAsync("　新城地区老人クラブ連合会　");
        await organisation.Locator("#districtId").SelectOptionAsync(new SelectOptionValue { Label = "新城" });
        await organisation.GetByRole(AriaRole.Button).ClickAsync();
        var row = page.GetByTestId("organisations").Locator("tr", new() { HasText = "新城地区老人クラブ連合会" });
        await Assertions.Expect(row).ToContainTextAsync("新城");
        await row.GetByRole(AriaRole.Link, new() { Name = "0人" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("所属：新城地区老人クラブ連合会");

        // Nothing typed is lost when the form is refused.
        var person = page.GetByTestId("person-form");
        await person.Locator("#reading").FillAsync("さとうはなこ");
        await person.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions
            .Expect(person.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("氏名を100文字以内で入力してください。");
        await Assertions.Expect(person.Locator("#reading")).ToHaveValueAsync("さとうはなこ");

        await person.Locator("#name").FillAsync("佐藤 花子");
        await person.Locator("#title").FillAsync("会長");
        await person.Locator("#role").SelectOptionAsync(new SelectOptionValue { Label = "地域支え合い推進員" });
        await person.Locator("#since").FillAsync("令和２年４月１日");
        await person.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("佐藤 花子");
        await Assertions.Expect(page.GetByTestId("roles")).ToContainTextAsync("地域支え合い推進員［令和2年4月1日〜］");

        var role = page.GetByTestId("role-form");
        await role.Locator("#role")
            .SelectOptionAsync(new SelectOptionValue { Label = "第2層生活支援コーディネーター" });
        await role.Locator("#since").FillAsync("令和5年2月30日");
        await role.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(role.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await role.Locator("#since").FillAsync("令和5年4月1日");
        await role.Locator("#bodyId").SelectOptionAsync("aomori-shinjo-support");
        await role.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("roles").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("roles")).ToContainTextAsync("第2層生活支援コーディネーター（");
        await Assertions.Expect(page.GetByTestId("roles")).ToContainTextAsync("［令和5年4月1日〜］");

        // She stepped down as promoter at the end of the fiscal year.
        var promoter = page.GetByTestId("roles").Locator("li", new() { HasText = "地域支え合い推進員" });
        await promoter.Locator("summary").ClickAsync();
        await promoter.Locator("input[name=until]").FillAsync("令和７年３月３１日");
        await promoter.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions
            .Expect(page.GetByTestId("roles"))
            .ToContainTextAsync("地域支え合い推進員［令和2年4月1日〜令和7年3月31日］");

        await page.GetByRole(AriaRole.Link, new() { Name = "新城地区老人クラブ連合会" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("people")).ToContainTextAsync("佐藤 花子（さとうはなこ）");

        // A typo in the organisation's name is corrected on its edit form, with its office contact; a refused
        // phone number is explained next to its field and nothing typed is lost (no JavaScript needed).
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/organisations");
        var listed = page.GetByTestId("organisations").Locator("tr", new() { HasText = "新城地区老人クラブ連合会" });
        await listed.GetByRole(AriaRole.Link, new() { Name = "編集" }).ClickAsync();
        var edit = page.GetByTestId("organisation-edit");
        await edit.Locator("#name").FillAsync("新城地区老人クラブ連合会（ことぶき会）");
        await edit.Locator("#phone").FillAsync("電話してください");
        await edit.Locator("#person").FillAsync("事務局 山田");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#phone-error"))
            .ToHaveTextAsync("電話番号は数字とハイフンで入力してください（例：017-734-0000）。");
        await Assertions.Expect(page.Locator("#person")).ToHaveValueAsync("事務局 山田");
        await page.Locator("#phone").FillAsync("０１７－７３４－００００");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        await Assertions.Expect(page.Locator("#phone")).ToHaveValueAsync("017-734-0000");
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/organisations");
        await Assertions
            .Expect(page.GetByTestId("organisations"))
            .ToContainTextAsync("新城地区老人クラブ連合会（ことぶき会）");
    }
}
