using System.Diagnostics;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.Security;

/// <summary>Municipal networks are closed: every page must load from the host alone, under a Content-Security-Policy
/// without inline code.</summary>
public class ClosedNetworkTests : BrowserTest
{
    private static readonly string[] Pages =
    [
        "/aomori/",
        "/aomori/districts/aomori-shinjo",
        "/aomori/districts/aomori-shinjo/support-meetings",
        "/aomori/bodies",
        "/aomori/meetings",
        "/aomori/meetings/aomori-shinjo-network-h30",
        "/aomori/meetings/aomori-shinjo-network-h30/summary",
        "/aomori/dashboard",
        "/aomori/search?q=回覧板",
        "/aomori/resources",
        "/aomori/resources/booklet",
        "/aomori/public/resources",
        "/aomori/support-meetings/rollout",
        "/aomori/support-meetings/comparison",
        "/aomori/admin/modules",
        "/miyagi/exchange-sessions",
        "/miyagi/exchange-sessions/import",
        "/miyagi/exchange-sessions/speakers",
        "/aomori/no-such-page",
    ];

    [Fact]
    public async Task Every_page_loads_with_the_outside_unreachable_and_no_policy_violation()
    {
        var context = await NewContextAsync(new() { Locale = "ja-JP" });
        var outside = new List<string>();
        await context.RouteAsync(
            "**/*",
            async route =>
            {
                var host = new Uri(route.Request.Url).Host;
                if (host is "127.0.0.1" or "localhost")
                    await route.ContinueAsync();
                else
                {
                    outside.Add(route.Request.Url);
                    await route.AbortAsync();
                }
            }
        );
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                violations.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");
        // The page's requests still open, event streams left out: the meeting page's stream stays open as long as the
        // page, so Playwright's "network idle" never came there and the test waited out its 5 s.
        var open = 0;
        page.Request += (_, request) =>
        {
            if (request.ResourceType != "eventsource")
                Interlocked.Increment(ref open);
        };
        EventHandler<Microsoft.Playwright.IRequest> done = (_, request) =>
        {
            if (request.ResourceType != "eventsource")
                Interlocked.Decrement(ref open);
        };
        page.RequestFinished += done;
        page.RequestFailed += done;

        foreach (var path in Pages)
        {
            var response = await page.GotoAsync(Platform.BaseUrl + path);
            await QuietAsync(() => Volatile.Read(ref open));
            var headers = await response!.AllHeadersAsync();
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
            Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
        }
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings/aomori-shinjo-network-h30");
        await page.GetByTestId("opinion-input").FillAsync("閉じたネットワークでも記録できる");
        await page.GetByTestId("opinion-input").PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("section.theme").First)
            .ToContainTextAsync("閉じたネットワークでも記録できる");

        Assert.Empty(outside);
        Assert.Empty(violations);
    }

    /// <summary>Waits, as "network idle" does, until no request has been open for 500 ms (at most 5 s), so that what
    /// a page's scripts fetch after loading is asked for, and caught, before the next page.</summary>
    private static async Task QuietAsync(Func<int> open)
    {
        var deadline = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        while (deadline.ElapsedMilliseconds < 5000 && quiet.ElapsedMilliseconds < 500)
        {
            await Task.Delay(50);
            if (open() > 0)
                quiet.Restart();
        }
    }
}
