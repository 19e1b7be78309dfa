using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Tenancy;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Host.Tests.Accounts;

/// <summary>
/// Aomori signs in through its own OpenID Connect provider (a real one on a loopback port, see
/// <see cref="LocalIdentityProvider"/>); Miyagi has none. Each sign-in runs the whole exchange over HTTP: the
/// platform's redirect, the provider's authorization code, the platform redeeming it and checking the ID token.
/// </summary>
public class ExternalSignInTests : PlatformTest
{
    private LocalIdentityProvider _provider = default!;

    public override async Task InitializeAsync()
    {
        _provider = await LocalIdentityProvider.StartAsync();
        Database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);
        // Hirosaki's provider is down (nothing listens on port 9 here).
        Platform = await TestPlatform.StartAsync(
            Database,
            realPort: true,
            [
                .. _provider.HostArguments("aomori", "青森市職員ID"),
                "--Auth:Oidc:hirosaki:Authority=http://127.0.0.1:9/",
                "--Auth:Oidc:hirosaki:ClientId=sasaeai",
                "--Auth:Oidc:hirosaki:RequireHttpsMetadata=false",
            ]
        );
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Registered_staff_sign_in_with_the_municipalitys_id_and_reach_that_tenant_only()
    {
        // The tenant admin registers the name the provider knows her by (typed full-width and in capitals), and no
        // password.
        var created = await Client.PostAsJsonAsync(
            "/aomori/api/users",
            new
            {
                userName = "tanaka",
                displayName = "田中 花子",
                externalName = "ＴＡＮＡＫＡ@city.aomori.example",
                grants = new[] { new { role = "coordinator" } },
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var users = await Client.GetFromJsonAsync<JsonElement[]>("/aomori/api/users");
        Assert.Equal(
            "tanaka@city.aomori.example",
            users!
                .Single(u => u.GetProperty("userName").GetString() == "tanaka")
                .GetProperty("externalName")
                .GetString()
        );
        // A grant in Miyagi too, as a prefecture's officer might hold: Aomori's provider must not open it.
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await using (var connection = await Platform.Services.GetRequiredService<Database>().OpenAsync())
            await connection.ExecuteAsync(
                "INSERT INTO account_grants (account_id, tenant_id, role, district_id, clearance) VALUES (@accountId, 'miyagi', 'TenantAdmin', NULL, 1)",
                new { accountId }
            );

        var signInPage = await Platform.NewClient().GetStringAsync("/signin?returnUrl=%2Faomori%2Fmeetings");
        Assert.Contains("青森市職員IDでサインイン", signInPage);
        Assert.Contains("href=\"/aomori/signin/external?returnUrl=%2Faomori%2Fmeetings\"", signInPage);

        _provider.SignedIn = ("subject-0001", "tanaka@city.aomori.example");
        var (browser, landed) = await SignInAsync("/aomori/signin/external?returnUrl=%2Faomori%2Fmeetings");
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/aomori/signin/continue", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(
            "http-equiv=\"refresh\" content=\"0;url=/aomori/meetings\"",
            await landed.Content.ReadAsStringAsync()
        );

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/aomori/api/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/aomori/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/aomori/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/miyagi/api/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/plugins")).StatusCode);
        // A calendar feed token she takes from this session is held to Aomori as well.
        // A browser's post carries its page's origin (CrossSiteWriteMiddleware refuses a cookie's write without one).
        var feedRequest = new HttpRequestMessage(HttpMethod.Post, "/api/auth/feed-token");
        feedRequest.Headers.Add("Origin", Platform.BaseUrl);
        var feed = await (await browser.SendAsync(feedRequest)).Content.ReadFromJsonAsync<JsonElement>();
        var feedToken = feed.GetProperty("token").GetString();
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await Platform
                    .NewClient()
                    .GetAsync($"/aomori/api/districts/aomori-shinjo/calendar.ics?feed={feedToken}")
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await Platform.NewClient().GetAsync($"/miyagi/api/districts/miyagi-north/calendar.ics?feed={feedToken}")
            ).StatusCode
        );

        // The provider may rename her; the subject it bound at the first sign-in still finds her account.
        _provider.SignedIn = ("subject-0001", "hanako.tanaka@city.aomori.example");
        Assert.Equal(
            HttpStatusCode.OK,
            (await (await SignInAsync("/aomori/signin/external")).Browser.GetAsync("/aomori/api/meetings")).StatusCode
        );

        // Her password is the provider's business, not the platform's.
        Assert.Contains("data-testid=\"external-password\"", await browser.GetStringAsync("/account/password"));
        var changeRequest = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password")
        {
            Content = JsonContent.Create(new { currentPassword = "x", newPassword = "a-new-password-2026" }),
        };
        changeRequest.Headers.Add("Origin", Platform.BaseUrl);
        var change = await browser.SendAsync(changeRequest);
        Assert.Equal("account.external_session", await change.ProblemCodeAsync());

        // Without a password, the account cannot be signed in to with one.
        var token = await Platform
            .NewClient()
            .PostAsJsonAsync("/api/auth/token", new { userName = "tanaka", password = "" });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task A_person_the_tenant_did_not_register_is_turned_back_with_the_reason()
    {
        var created = await Client.PostAsJsonAsync(
            "/aomori/api/users",
            new
            {
                userName = "sato",
                displayName = "佐藤",
                externalName = "sato@city.aomori.example",
                grants = new[] { new { role = "viewer" } },
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await AssertTurnedBackAsync(
            ("subject-0099", "nobody@city.aomori.example"),
            "auth.external_not_registered",
            "登録されていません"
        );
        _provider.SignedIn = ("subject-0002", "sato@city.aomori.example");
        Assert.Equal(
            HttpStatusCode.OK,
            (await (await SignInAsync("/aomori/signin/external")).Browser.GetAsync("/aomori/api/meetings")).StatusCode
        );
        // The provider later gives the same name to somebody else: that person does not get 佐藤's account.
        await AssertTurnedBackAsync(
            ("subject-0003", "sato@city.aomori.example"),
            "auth.external_subject_mismatch",
            "別の人のもの"
        );
        await AssertTurnedBackAsync(null, "auth.external_failed", "完了しませんでした");

        await Platform
            .Services.GetRequiredService<TenantRegistry>()
            .CreateAsync(new NewTenant("hirosaki", "弘前市", TenantKind.Municipality, "022021"));
        var (_, unreachable) = await SignInAsync("/hirosaki/signin/external");
        Assert.Equal("/signin?failure=auth.provider_unreachable", unreachable.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("接続できませんでした", await unreachable.Content.ReadAsStringAsync());

        // The tenant admin reads who came in and who was turned away.
        var audit = await Client.GetFromJsonAsync<JsonElement[]>("/aomori/api/audit?limit=1000");
        Assert.Contains(
            audit!,
            e => e.GetProperty("action").GetString() == "signin" && e.GetProperty("account").GetString() == "sato"
        );
        Assert.Contains(
            audit!,
            e =>
                e.GetProperty("action").GetString() == "signin_refused"
                && e.GetProperty("account").GetString() == "nobody@city.aomori.example"
                && e.GetProperty("route").GetString()!.Contains("auth.external_not_registered")
        );

        var miyagi = await Platform.NewClient().GetAsync("/miyagi/signin/external");
        Assert.Equal(HttpStatusCode.NotFound, miyagi.StatusCode);
        Assert.Equal("auth.no_identity_provider", await miyagi.ProblemCodeAsync());
        // Where a forged query says to go after signing in, the platform goes only to its own pages.
        _provider.SignedIn = ("subject-0002", "sato@city.aomori.example");
        var (_, landed) = await SignInAsync("/aomori/signin/external?returnUrl=%2F%2Fevil.example%2F");
        Assert.Contains("content=\"0;url=/aomori/\"", await landed.Content.ReadAsStringAsync());
        // A password account's form is still there, and an unknown failure code shows no text of the query's.
        Assert.DoesNotContain("forged", await Platform.NewClient().GetStringAsync("/signin?failure=forged"));
    }

    [Fact]
    public void A_provider_configured_without_https_or_a_client_stops_the_host_at_start_with_the_reason()
    {
        var plain = Assert.Throws<InvalidOperationException>(() =>
            PlatformApp.Create(["--Auth:Oidc:aomori:Authority=http://idp.example/", "--Auth:Oidc:aomori:ClientId=x"])
        );
        Assert.Contains("Auth:Oidc:aomori:Authority must use https", plain.Message);
        var noClient = Assert.Throws<InvalidOperationException>(() =>
            PlatformApp.Create(["--Auth:Oidc:aomori:Authority=https://idp.example/"])
        );
        Assert.Contains("ClientId", noClient.Message);
    }

    /// <summary>
    /// A cookie-keeping client that follows the whole exchange, confirming on the provider's page as the person would,
    /// and the page it ends on.
    /// </summary>
    private async Task<(HttpClient Browser, HttpResponseMessage Landed)> SignInAsync(string start)
    {
        var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }
        )
        {
            BaseAddress = new Uri(Platform.BaseUrl),
        };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var landed = await browser.GetAsync(start);
        if (
            landed.RequestMessage!.RequestUri is { } at
            && at.GetLeftPart(UriPartial.Authority) + "/" == _provider.Authority
        )
            landed = await browser.GetAsync($"{at}&{LocalIdentityProvider.Confirmed}=1");
        return (browser, landed);
    }

    private async Task AssertTurnedBackAsync((string, string)? person, string code, string message)
    {
        _provider.SignedIn = person;
        var (browser, landed) = await SignInAsync("/aomori/signin/external");
        Assert.Equal($"/signin?failure={code}", landed.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains(message, await landed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/aomori/api/meetings")).StatusCode);
    }
}
