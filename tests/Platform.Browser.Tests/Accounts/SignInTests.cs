using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Browser.Tests.Accounts;

public class SignInTests : BrowserTest
{
    [Fact]
    public async Task A_person_signs_in_on_the_page_and_comes_back_where_they_were_going()
    {
        var page = await (await NewContextAsync(new() { Locale = "ja-JP" }, asAdministrator: false)).NewPageAsync();
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("サインイン");

        var form = page.GetByTestId("signin");
        await form.Locator("#userName").FillAsync("aomori-viewer");
        await form.Locator("#password").FillAsync("まちがい");
        await form.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Assertions
            .Expect(page.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("ユーザー名またはパスワードが違います。");

        await page.GetByTestId("signin").Locator("#password").FillAsync(TestAuth.DemoPassword);
        await page.GetByTestId("signin").GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("会議");
        Assert.EndsWith("/aomori/meetings", page.Url);
    }
}
