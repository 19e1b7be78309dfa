using System.Net;
using Platform.Host.Http;
using Platform.Testing;

namespace Platform.Host.Tests.Http;

/// <summary>A return URL sends the browser to a path of this host or to the default, never to another site and never to
/// a 500. The tests only read and sign in: one host for the class.</summary>
[RunsLong(45)]
public class LocalUrlTests(SharedPlatform shared) : SharedPlatformTest(shared)
{
    public static readonly TheoryData<string> Foreign =
    [
        "/%09/evil.example",
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "/%2F%2Fevil.example",
        "/%252F%252Fevil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "/aomori/\u0001meetings",
        "/aomori/\u3000meetings",
        "/aomori/%E3%80%80",
        "/aomori/\r\nSet-Cookie:x=1",
        "/\u202Eevil",
        "javascript:alert(1)",
        "",
        "aomori/meetings",
    ];

    [Theory]
    [MemberData(nameof(Foreign))]
    public void A_url_that_could_leave_the_host_or_break_the_header_falls_back(string url) =>
        Assert.Equal("/aomori/", LocalUrl.OrDefault(url, "/aomori/"));

    [Theory]
    [InlineData("/aomori/meetings?x=1", "/aomori/meetings?x=1")]
    [InlineData("/aomori/search?q=%E5%9B%9E%E8%A6%A7%E6%9D%BF", "/aomori/search?q=%E5%9B%9E%E8%A6%A7%E6%9D%BF")]
    [InlineData("/aomori/search?q=回覧板", "/aomori/search?q=%E5%9B%9E%E8%A6%A7%E6%9D%BF")]
    public void A_path_of_this_host_is_kept_in_ascii(string url, string expected) =>
        Assert.Equal(expected, LocalUrl.Checked(url));

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/aomori/%01")]
    [InlineData("/aomori/%E3%80%80")]
    public async Task The_continue_page_moves_on_to_the_tenant_home(string encoded)
    {
        var page = await Platform
            .NewClient()
            .GetAsync($"/aomori/signin/continue?returnUrl={Uri.EscapeDataString(Uri.UnescapeDataString(encoded))}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("url=/aomori/\"", html);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public async Task The_continue_page_keeps_a_local_path()
    {
        var html = await Platform
            .NewClient()
            .GetStringAsync("/aomori/signin/continue?returnUrl=%2Faomori%2Fmeetings%3Fx%3D1");
        Assert.Contains("url=/aomori/meetings?x=1\"", html);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("/aomori/\u0001")]
    [InlineData("/aomori/\u3000会議")]
    public async Task The_sign_in_form_sends_a_foreign_return_url_home(string returnUrl)
    {
        var (answer, _) = await FormSignIn.PostAsync(
            Platform.NewClient(),
            "aomori-viewer",
            TestAuth.DemoPassword,
            returnUrl
        );
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/aomori/", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_form_returns_to_a_local_path()
    {
        var (answer, _) = await FormSignIn.PostAsync(
            Platform.NewClient(),
            "aomori-viewer",
            TestAuth.DemoPassword,
            "/aomori/meetings?x=1"
        );
        Assert.Equal("/aomori/meetings?x=1", answer.Headers.Location!.OriginalString);
    }
}
