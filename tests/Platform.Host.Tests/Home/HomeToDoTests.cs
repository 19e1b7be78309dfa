using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Abstractions.Calendar;
using Platform.Core.Storage;

namespace Platform.Host.Tests.Home;

/// <summary>The tenant's home page is a to-do list on the demo data, each item linking to where it is done.</summary>
public partial class HomeToDoTests() : PlatformTest(DatabaseProvider.Sqlite)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    [Fact]
    public async Task The_home_page_lists_next_meetings_summaries_to_confirm_actions_by_due_date_and_late_districts()
    {
        var coordinator = await Platform.ClientForAsync("aomori-coordinator");
        var next = await NewMeetingAsync(coordinator, "ホーム確認用の次の会議", Today.AddDays(20));
        var held = await NewMeetingAsync(coordinator, "ホーム確認用の開催済み会議", FiscalYear.Of(Today).Start);
        (
            await coordinator.PostAsJsonAsync($"/aomori/api/meetings/{held}/status", new { status = "held" })
        ).EnsureSuccessStatusCode();
        await ActionAsync(coordinator, next, "後で期限が来る対応", Today.AddDays(40));
        await ActionAsync(coordinator, next, "期限を過ぎた対応", Today.AddDays(-2));

        var page = await coordinator.GetStringAsync("/aomori/");

        var nextMeetings = Section(page, "todo-next");
        Assert.Contains($"href=\"/aomori/meetings/{next}\"", nextMeetings);
        Assert.Contains(Wareki.Format(Today.AddDays(20)), nextMeetings);
        var summaries = Section(page, "todo-summaries");
        Assert.Contains($"href=\"/aomori/meetings/{held}\"", summaries);
        Assert.DoesNotContain("aomori-shinjo-briefing-h30", summaries);
        // The demo's 平成30年度 meetings are counted apart, not listed.
        Assert.Matches("前年度以前の開催済みで概要が未確定の会議が[0-9]+件", summaries);
        var actions = Section(page, "todo-actions");
        Assert.True(
            actions.IndexOf("期限を過ぎた対応", StringComparison.Ordinal)
                < actions.IndexOf("後で期限が来る対応", StringComparison.Ordinal),
            "overdue first"
        );
        Assert.Contains("（期限切れ）", actions);
        Assert.Contains($"href=\"/aomori/meetings/{next}\"", actions);
        Assert.Contains("href=\"/aomori/districts/", Section(page, "todo-cadence"));
        Assert.Contains("新城", Section(page, "districts"));
        Assert.DoesNotContain("取り込みで警告", page);
    }

    [Fact]
    public async Task Imports_with_warnings_show_only_where_the_exchange_module_is_in_effect()
    {
        var coordinator = await Platform.ClientForAsync("miyagi-coordinator");
        var home = await coordinator.GetStringAsync("/miyagi/");
        var section = Section(home, "todo-module");
        Assert.Contains("取り込みで警告が出た情報交換会", section);
        var round = RoundLink().Match(section).Groups[1].Value;
        Assert.Equal(
            System.Net.HttpStatusCode.OK,
            (await coordinator.GetAsync($"/miyagi/exchange-sessions/{round}")).StatusCode
        );

        (await Client.DeleteAsync("/miyagi/api/modules/Miyagi.ExchangeSessions")).EnsureSuccessStatusCode();
        Assert.DoesNotContain("取り込みで警告", await coordinator.GetStringAsync("/miyagi/"));
    }

    private static async Task<string> NewMeetingAsync(HttpClient client, string title, DateOnly date)
    {
        var created = await client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = "aomori-shinjo-support",
                title,
                date = date.ToString("yyyy-MM-dd"),
                slots = new[] { new { start = "10:00", end = "12:00" } },
            }
        );
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task ActionAsync(HttpClient client, string meetingId, string title, DateOnly due)
    {
        var created = await client.PostAsJsonAsync(
            $"/aomori/api/meetings/{meetingId}/actions",
            new { title, dueDate = due.ToString("yyyy-MM-dd") }
        );
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, testId);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("href=\"/miyagi/exchange-sessions/([^\"]+)\"")]
    private static partial Regex RoundLink();
}
