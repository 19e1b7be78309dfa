using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Storage;

namespace Platform.Host.Tests.Records;

/// <summary>
/// Recording and following a meeting live. What it costs the database is counted in connections opened (every store
/// method opens one): a recorded opinion costs its batch and nothing per request, and open pages cost nothing per
/// entry, since they are served from the meeting grain's memory, each through its reader's view.
/// </summary>
public abstract class LiveRecordTests(DatabaseProvider provider) : PlatformTest(provider)
{
    private long Opened => Platform.Services.GetRequiredService<Database>().Opened;

    private async Task<(HttpClient Client, string Meeting, string Theme)> MeetingAsync()
    {
        var client = await Platform.ClientForAsync("aomori-coordinator");
        async Task<JsonElement> Post(string url, object body) =>
            await (await client.PostAsJsonAsync(url, body))
                .EnsureSuccessStatusCode()
                .Content.ReadFromJsonAsync<JsonElement>();
        var body = (await Post("/aomori/api/bodies", new { name = "計測の協議体", districtId = "aomori-tsutsui" }))
            .GetProperty("id")
            .GetString();
        var meeting = (
            await Post(
                "/aomori/api/meetings",
                new
                {
                    bodyId = body,
                    title = "第1回",
                    date = "2019-11-19",
                }
            )
        ).GetProperty("id").GetString()!;
        var theme = (await Post($"/aomori/api/meetings/{meeting}/agenda", new { title = "テーマ" }))
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString()!;
        return (client, meeting, theme);
    }

    [Fact]
    public async Task Recording_an_opinion_opens_one_connection_its_batch()
    {
        var (client, meeting, theme) = await MeetingAsync();
        (
            await client.PostAsJsonAsync(
                $"/aomori/api/meetings/{meeting}/opinions",
                new { agendaItemId = theme, text = "一つ目" }
            )
        ).EnsureSuccessStatusCode();
        var before = Opened;
        for (var i = 0; i < 10; i++)
            (
                await client.PostAsJsonAsync(
                    $"/aomori/api/meetings/{meeting}/opinions",
                    new { agendaItemId = theme, text = $"意見{i}" }
                )
            ).EnsureSuccessStatusCode();
        Assert.Equal(10, Opened - before);
    }

    [Fact]
    public async Task Following_a_meeting_reads_nothing_per_entry_per_page()
    {
        var (client, meeting, theme) = await MeetingAsync();
        (
            await client.PostAsJsonAsync(
                $"/aomori/api/meetings/{meeting}/opinions",
                new { agendaItemId = theme, text = "一つ目" }
            )
        ).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pages = new List<StreamReader>();
        for (var p = 0; p < 5; p++)
        {
            var response = await client.GetAsync(
                $"/aomori/api/meetings/{meeting}/record/events?after=2",
                HttpCompletionOption.ResponseHeadersRead,
                timeout.Token
            );
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
            pages.Add(reader);
        }
        var before = Opened;
        for (var i = 0; i < 10; i++)
            (
                await client.PostAsJsonAsync(
                    $"/aomori/api/meetings/{meeting}/opinions",
                    new { agendaItemId = theme, text = $"意見{i}" }
                )
            ).EnsureSuccessStatusCode();
        foreach (var page in pages)
        {
            var seen = new List<string>();
            while (seen.Count < 10 && await page.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                    seen.Add(
                        JsonDocument
                            .Parse(line[6..])
                            .RootElement.GetProperty("opinion")
                            .GetProperty("text")
                            .GetString()!
                    );
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"意見{i}"), seen);
        }
        // Ten batches at most (fewer when opinions share one); five pages add no read.
        Assert.InRange(Opened - before, 1, 10);
        foreach (var page in pages)
            page.Dispose();
    }

    [Fact]
    public async Task A_page_shows_a_residents_item_as_soon_as_its_reader_signs_the_pledge()
    {
        var admin = await Platform.ClientForAsync("aomori-admin");
        (
            await admin.PostAsJsonAsync(
                "/aomori/api/users",
                new
                {
                    userName = "care-staff",
                    displayName = "包括 保健師",
                    password = "care-staff-password-2026",
                    grants = new object[]
                    {
                        new
                        {
                            role = "coordinator",
                            districtId = "aomori-tsutsui",
                            clearance = "personal",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        var (_, meeting, theme) = await MeetingAsync();
        var care = await Platform.ClientForAsync("care-staff", "care-staff-password-2026");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await care.GetAsync(
            $"/aomori/api/meetings/{meeting}/record/events?after=1",
            HttpCompletionOption.ResponseHeadersRead,
            timeout.Token
        );
        using var page = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        async Task<(string Event, JsonElement Opinion)> NextAsync()
        {
            var name = "";
            while (await page.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                    name = line[7..];
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                    return (name, JsonDocument.Parse(line[6..]).RootElement.GetProperty("opinion"));
            }
            throw new InvalidOperationException("the stream ended");
        }

        (
            await care.PostAsJsonAsync(
                $"/aomori/api/meetings/{meeting}/opinions",
                new
                {
                    agendaItemId = theme,
                    text = "山田さん宅の見守りを分担 KOJIN-5150",
                    sensitivity = "personal",
                    basis = new { kind = "ordinance", ordinance = "青森市個人情報保護法施行条例 第5条" },
                }
            )
        ).EnsureSuccessStatusCode();
        var (first, withheld) = await NextAsync();
        Assert.Equal("entry", first);
        Assert.Equal("noPledge", withheld.GetProperty("withheld").GetString());
        Assert.DoesNotContain("KOJIN-5150", withheld.GetRawText());

        (
            await care.PostAsJsonAsync($"/aomori/api/meetings/{meeting}/pledges", new { self = true })
        ).EnsureSuccessStatusCode();
        var (second, shown) = await NextAsync();
        Assert.Equal("revised", second);
        Assert.Contains("KOJIN-5150", shown.GetProperty("text").GetString());
    }
}

public sealed class LiveRecordOnSqlite() : LiveRecordTests(DatabaseProvider.Sqlite);

public sealed class LiveRecordOnPostgres() : LiveRecordTests(DatabaseProvider.Postgres);
