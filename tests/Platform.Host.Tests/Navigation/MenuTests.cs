using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Navigation;

/// <summary>The site menu is built from the modules in effect and the user's permissions: every link it shows
/// opens. These tests only read, on one host for the class; those that switch modules are
/// <see cref="MenuSwitchTests"/>, a host each.</summary>
public partial class MenuTests(SharedPlatform shared) : SharedPlatformTest(shared, DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("aomori-coordinator", "aomori")]
    [InlineData("aomori-viewer", "aomori")]
    [InlineData("aomori-recorder", "aomori")]
    [InlineData("aomori-admin", "aomori")]
    [InlineData("miyagi-coordinator", "miyagi")]
    public async Task Every_menu_link_opens_for_the_user_who_sees_it(string userName, string tenant)
    {
        var client = await Platform.ClientForAsync(userName);

        var links = await MenuAsync(client, $"/{tenant}/");

        Assert.NotEmpty(links);
        foreach (var (href, label) in links)
        {
            var answer = await client.GetAsync(href);
            Assert.True(
                answer.StatusCode == HttpStatusCode.OK,
                $"{userName}: 「{label}」 {href} → {answer.StatusCode}"
            );
        }
    }

    [Fact]
    public async Task A_coordinator_sees_the_modules_of_the_tenant_and_no_admin_pages()
    {
        var aomori = await MenuLabelsAsync(await Platform.ClientForAsync("aomori-coordinator"), "/aomori/");
        var miyagi = await MenuLabelsAsync(await Platform.ClientForAsync("miyagi-coordinator"), "/miyagi/");
        var admin = await MenuLabelsAsync(await Platform.ClientForAsync("aomori-admin"), "/aomori/");

        Assert.Contains("地域支え合い会議", aomori);
        Assert.Contains("お宝", aomori);
        Assert.DoesNotContain("情報交換会", aomori);
        Assert.Contains("情報交換会", miyagi);
        Assert.Contains("お宝", miyagi);
        Assert.DoesNotContain("地域支え合い会議", miyagi);
        foreach (var adminPage in new[] { "モジュール管理", "利用者", "監査ログ" })
        {
            Assert.DoesNotContain(adminPage, aomori);
            Assert.DoesNotContain(adminPage, miyagi);
            Assert.Contains(adminPage, admin);
        }
    }

    [Fact]
    public async Task The_current_pages_entry_is_marked_and_a_page_below_marks_its_section()
    {
        var client = await Platform.ClientForAsync("aomori-coordinator");

        var meetings = await Client.GetStringAsync("/aomori/meetings");
        var html = await client.GetStringAsync("/aomori/meetings");
        Assert.Matches("<a href=\"/aomori/meetings\" aria-current=\"page\">会議</a>", Nav(html));
        Assert.Single(Regex.Matches(Nav(html), "aria-current"));

        var meetingId = Regex.Match(meetings, "href=\"/aomori/meetings/([a-z0-9-]+)\"").Groups[1].Value;
        var below = Nav(await client.GetStringAsync($"/aomori/meetings/{meetingId}"));
        Assert.Matches("<a href=\"/aomori/meetings\" aria-current=\"true\">会議</a>", below);
        Assert.Contains("パスワード変更", below);
        Assert.Contains("サインアウト", below);
    }

    internal static string Nav(string html) => NavElement().Match(html).Value;

    internal static async Task<List<(string Href, string Label)>> MenuAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return NavLink()
            .Matches(Nav(html))
            .Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(l => l.Item1.StartsWith('/') && !l.Item1.StartsWith("/account/", StringComparison.Ordinal))
            .ToList();
    }

    internal static async Task<List<string>> MenuLabelsAsync(HttpClient client, string page) =>
        (await MenuAsync(client, page)).Select(l => l.Label).ToList();

    [GeneratedRegex("<nav[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavElement();

    [GeneratedRegex("<a href=\"([^\"]+)\"[^>]*>([^<]+)</a>")]
    private static partial Regex NavLink();
}

/// <summary>The menu follows a module switched off and on again: a host of each test's own, as a switch changes what
/// the other tests of the menu read.</summary>
public class MenuSwitchTests() : PlatformTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_module_switched_off_for_the_tenant_leaves_the_menu_and_comes_back_with_it()
    {
        var coordinator = await Platform.ClientForAsync("aomori-coordinator");
        Assert.Contains("お宝", await MenuTests.MenuLabelsAsync(coordinator, "/aomori/meetings"));

        (await Client.DeleteAsync("/aomori/api/modules/Platform.Resources")).EnsureSuccessStatusCode();
        Assert.DoesNotContain("お宝", await MenuTests.MenuLabelsAsync(coordinator, "/aomori/meetings"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/aomori/resources")).StatusCode);

        (await Client.PutAsync("/aomori/api/modules/Platform.Resources", null)).EnsureSuccessStatusCode();
        Assert.Contains("お宝", await MenuTests.MenuLabelsAsync(coordinator, "/aomori/meetings"));
    }

    [Fact]
    public async Task A_district_users_menu_follows_the_module_switched_in_their_district()
    {
        var admin = await Platform.ClientForAsync("aomori-admin");
        (
            await admin.PostAsJsonAsync(
                "/aomori/api/users",
                new
                {
                    userName = "shinjo-coordinator",
                    displayName = "新城 コーディネーター",
                    password = "shinjo-coordinator-2026",
                    grants = new object[] { new { role = "coordinator", districtId = "aomori-shinjo" } },
                }
            )
        ).EnsureSuccessStatusCode();
        var user = await Platform.ClientForAsync("shinjo-coordinator", "shinjo-coordinator-2026");
        const string page = "/aomori/districts/aomori-shinjo";

        var links = await MenuTests.MenuAsync(user, page);
        Assert.Contains(links, l => l.Label == "地域支え合い会議（新城）");
        // Tenant-wide pages would answer 403 to a user of one district: none is offered.
        Assert.DoesNotContain(links, l => l.Href is "/aomori/" or "/aomori/meetings" or "/aomori/resources");
        foreach (var (href, label) in links)
            Assert.True((await user.GetAsync(href)).StatusCode == HttpStatusCode.OK, $"「{label}」 {href}");

        (
            await Client.DeleteAsync("/aomori/api/districts/aomori-shinjo/modules/Aomori.SupportMeetings")
        ).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await MenuTests.MenuAsync(user, page), l => l.Label.StartsWith("地域支え合い会議"));

        (
            await Client.PutAsync("/aomori/api/districts/aomori-shinjo/modules/Aomori.SupportMeetings", null)
        ).EnsureSuccessStatusCode();
        Assert.Contains(await MenuTests.MenuAsync(user, page), l => l.Label == "地域支え合い会議（新城）");
    }
}
