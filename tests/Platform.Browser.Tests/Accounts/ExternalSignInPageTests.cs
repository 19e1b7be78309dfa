using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Browser.Tests.Accounts;

/// <summary>
/// Signing in with Aomori's own ID in Chromium: the provider is another site (localhost against the platform's
/// 127.0.0.1), so this checks that the session cookie, which is SameSite=Strict, is there once the person lands.
/// </summary>
public class ExternalSignInPageTests : BrowserTest
{
    private LocalIdentityProvider _provider = default!;

    protected override async Task<string[]> BeforeStartAsync()
    {
        _provider = await LocalIdentityProvider.StartAsync();
        return _provider.HostArguments("aomori", "青森市職員ID");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_member_of_staff_signs_in_with_the_municipalitys_id_and_lands_where_they_were_going()
    {
        var created = await Platform.Client.PostAsJsonAsync(
            "/aomori/api/users",
            new
            {
                userName = "yamada",
                displayName = "山田 太郎",
                externalName = "yamada@city.aomori.example",
                grants = new[] { new { role = "coordinator" } },
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _provider.SignedIn = ("subject-0100", "yamada@city.aomori.example");

        var page = await (await NewContextAsync(new() { Locale = "ja-JP" }, asAdministrator: false)).NewPageAsync();
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("サインイン");
        await page.GetByRole(AriaRole.Link, new() { Name = "青森市職員IDでサインイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "IDプロバイダーにサインイン" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("会議");
        Assert.Equal($"{Platform.BaseUrl}/aomori/meetings", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" })).ToBeVisibleAsync();
    }
}
