using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Browser.Tests.Privacy;

public class PersonalInformationPageTests : BrowserTest
{
    private const string Password = "care-browser-password";

    [Fact]
    public async Task A_cleared_coordinator_records_a_residents_information_with_its_basis_pledges_and_withdraws_it_and_the_admin_sees_the_audit()
    {
        // The tenant admin's page adds a coordinator of 新城 cleared for 要配慮個人情報.
        var admin = await NewPageAsync(new() { Locale = "ja-JP" });
        await admin.GotoAsync($"{Platform.BaseUrl}/aomori/admin/users");
        var form = admin.GetByTestId("user-form");
        await form.Locator("#userName").FillAsync("care-browser");
        await form.Locator("#displayName").FillAsync("包括 保健師");
        await form.Locator("#password").FillAsync(Password);
        await form.Locator("#role").SelectOptionAsync("coordinator");
        await form.Locator("#districtId").SelectOptionAsync("aomori-shinjo");
        await form.Locator("#clearance").SelectOptionAsync("sensitive");
        await form.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions
            .Expect(admin.GetByTestId("users"))
            .ToContainTextAsync("コーディネーター（新城）・要配慮個人情報まで");

        using var api = new HttpClient { BaseAddress = new Uri(Platform.BaseUrl) };
        var token = await TestAuth.SignInAsync(api, "care-browser", Password);
        var context = await NewContextAsync(
            new()
            {
                Locale = "ja-JP",
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
            },
            asAdministrator: false
        );
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings/aomori-shinjo-briefing-h30");
        await page.GetByTestId("themes").Locator("li button").First.ClickAsync();
        await page.GetByTestId("sensitivity-input").SelectOptionAsync("sensitive");
        var input = page.GetByTestId("opinion-input");
        await input.FillAsync("独居の山田花子さん（要介護３）の見守り");
        await input.PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#record-error"))
            .ToContainTextAsync("本人が同意した日を入力してください。");
        await Assertions.Expect(input).ToHaveValueAsync("独居の山田花子さん（要介護３）の見守り");

        await page.Locator("#basis-fields [name=consentedOn]").FillAsync("令和元年１０月１日");
        await page.Locator("#basis-fields [name=consentScope]").FillAsync("支援会議の構成員に限る");
        await input.PressAsync("Enter");
        // Without the meeting's pledge even the one who recorded it reads only the marker, at once and after a reload;
        // with it, the text and its basis.
        await Assertions
            .Expect(page.Locator("section.theme li", new() { HasText = "守秘の誓約書が未提出のため非表示" }))
            .ToContainTextAsync("要配慮個人情報");
        await page.ReloadAsync();
        await Assertions
            .Expect(page.Locator("section.theme").First)
            .ToContainTextAsync("守秘の誓約書が未提出のため非表示");
        await page.GetByText("個人情報の扱い（公開区分・同意・誓約書）").ClickAsync();
        await page.GetByTestId("pledge-form").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("section.theme").First).ToContainTextAsync("山田花子");
        // Another page open on the meeting (a second recorder's) loses the text at once when consent is withdrawn,
        // without a reload.
        var other = await context.NewPageAsync();
        await other.GotoAsync($"{Platform.BaseUrl}/aomori/meetings/aomori-shinjo-briefing-h30");
        await Assertions.Expect(other.Locator("section.theme").First).ToContainTextAsync("山田花子");
        await page.GetByText("個人情報の扱い（公開区分・同意・誓約書）").ClickAsync();
        var panel = page.GetByTestId("privacy-panel");
        await Assertions.Expect(panel).ToContainTextAsync("本人同意（2019-10-01、支援会議の構成員に限る）");
        await panel.Locator("button[data-withdraw]").ClickAsync();
        await Assertions.Expect(page.Locator("section.theme").First).ToContainTextAsync("本人の同意撤回により非表示");
        await Assertions.Expect(page.Locator("section.theme").First).Not.ToContainTextAsync("山田花子");
        await Assertions.Expect(other.Locator("section.theme").First).ToContainTextAsync("本人の同意撤回により非表示");
        await Assertions.Expect(other.Locator("section.theme").First).Not.ToContainTextAsync("山田花子");

        await admin.GotoAsync($"{Platform.BaseUrl}/aomori/admin/audit?action=view");
        await Assertions.Expect(admin.GetByTestId("audit")).ToContainTextAsync("care-browser");
        await Assertions.Expect(admin.GetByTestId("audit")).ToContainTextAsync("要配慮個人情報");
    }
}
