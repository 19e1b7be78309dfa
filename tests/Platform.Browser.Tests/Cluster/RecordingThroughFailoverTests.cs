using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Browser.Tests.Cluster;

/// <summary>
/// A person records a meeting through nginx in front of three hosts, and the host holding the meeting is killed while
/// they type: what they typed waits on the page as 送信中, is sent again by the page itself, and arrives once; a second
/// recorder's page shows all of it without a reload.
/// </summary>
[RunsLong(60)]
public sealed class RecordingThroughFailoverTests : IAsyncLifetime
{
    private ThreeHosts _cluster = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _cluster = await ThreeHosts.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserTest.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Opinions_typed_while_the_meetings_host_is_killed_all_arrive_once_without_a_reload()
    {
        // The meeting and its theme made through host 0, which then holds the meeting's grain.
        var host = await _cluster.HostClientAsync(0, "aomori-coordinator");
        async Task<string> Post(string url, object body, params string[] path)
        {
            var json = await (await host.PostAsJsonAsync(url, body))
                .EnsureSuccessStatusCode()
                .Content.ReadFromJsonAsync<JsonElement>();
            return path.Aggregate(json, (e, p) => e.GetProperty(p)).GetString()!;
        }
        var body = await Post(
            "/aomori/api/bodies",
            new { name = "切り替えの協議体", districtId = "aomori-tsutsui" },
            "id"
        );
        var meeting = await Post(
            "/aomori/api/meetings",
            new
            {
                bodyId = body,
                title = "第1回",
                date = "2026-12-01",
            },
            "id"
        );
        await Post($"/aomori/api/meetings/{meeting}/agenda", new { title = "見守り" }, "agendaItem", "id");

        var token = await _cluster.TokenAsync("aomori-coordinator");
        async Task<IPage> Recorder()
        {
            var context = await _browser.NewContextAsync(
                new()
                {
                    Locale = "ja-JP",
                    ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
                }
            );
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{_cluster.Front.BaseUrl}/aomori/meetings/{meeting}");
            await Assertions.Expect(page.Locator("#record-status")).ToHaveAttributeAsync("data-state", "open");
            return page;
        }
        var typist = await Recorder();
        var follower = await Recorder();
        var input = typist.GetByTestId("opinion-input");
        async Task Type(string text)
        {
            await input.FillAsync(text);
            await input.PressAsync("Enter");
        }

        for (var i = 1; i <= 3; i++)
            await Type($"切り替え前の意見{i}");
        await Assertions.Expect(typist.Locator("li.pending")).ToHaveCountAsync(0);
        await _cluster.KillAsync(0);
        for (var i = 1; i <= 5; i++)
            await Type($"切り替え中の意見{i}");
        // Typed while no host holds the meeting: kept on the page, marked, and the person told.
        await Assertions.Expect(typist.Locator("li.pending .pending-label").First).ToHaveTextAsync("送信中");
        await Assertions.Expect(typist.GetByTestId("outbox")).ToBeVisibleAsync();

        // Nobody does anything: the page sends them again until they are taken.
        var expected = Enumerable
            .Range(1, 3)
            .Select(i => $"○ 切り替え前の意見{i}")
            .Concat(Enumerable.Range(1, 5).Select(i => $"○ 切り替え中の意見{i}"))
            .ToArray();
        var slow = new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 };
        foreach (var page in new[] { typist, follower })
            await Assertions
                .Expect(page.Locator("section.theme ul.opinions li:not(.pending) .entry"))
                .ToHaveTextAsync(expected, slow);
        await Assertions.Expect(typist.Locator("li.pending")).ToHaveCountAsync(0);
        await Assertions.Expect(typist.GetByTestId("outbox")).ToBeHiddenAsync();
        Assert.Equal("", await input.InputValueAsync());

        // Stored once each, in the order typed.
        var front = await _cluster.ClientAsync("aomori-coordinator");
        var stored = (await front.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{meeting}/record"))
            .GetProperty("record")
            .GetProperty("opinions")
            .EnumerateArray()
            .OrderBy(o => o.GetProperty("seq").GetInt32())
            .Select(o => $"○ {o.GetProperty("text").GetString()}")
            .ToArray();
        Assert.Equal(expected, stored);
    }
}
