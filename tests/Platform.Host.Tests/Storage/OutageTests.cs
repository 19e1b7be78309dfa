using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Storage;

/// <summary>
/// What callers are told while the database is gone, and that no change they were told of lacks its audit row — with a
/// PostgreSQL cluster of the test's own that it stops and starts, and a host process killed mid-load.
/// </summary>
public class OutageTests
{
    private const string Api = "/aomori/api";

    [Fact]
    public async Task While_PostgreSQL_is_stopped_reads_and_writes_are_answered_503_and_work_again_once_it_is_back()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var database = await TestDatabase.OnPostgresAsync(cluster.Server);
        await using var platform = await TestPlatform.StartAsync(database);
        var client = platform.Client;
        var (meeting, theme) = await MeetingWithThemeAsync(client);
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await client.PostAsJsonAsync(
                    $"{Api}/meetings/{meeting}/opinions",
                    new { agendaItemId = theme, text = "停止前" }
                )
            ).StatusCode
        );

        await cluster.StopAsync();
        HttpResponseMessage[] during =
        [
            await client.GetAsync($"{Api}/meetings/{meeting}/record"),
            await client.GetAsync($"{Api}/meetings"),
            await client.PostAsJsonAsync(
                $"{Api}/meetings/{meeting}/opinions",
                new { agendaItemId = theme, text = "停止中" }
            ),
            await client.PostAsJsonAsync(
                $"{Api}/organisations",
                new
                {
                    name = "停止中の団体",
                    typeId = "other",
                    districtId = "aomori-tsutsui",
                }
            ),
        ];
        foreach (var answer in during)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("storage.unavailable", await answer.ProblemCodeAsync());
            Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        }

        await cluster.StartAgainAsync();
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await client.PostAsJsonAsync(
                    $"{Api}/meetings/{meeting}/opinions",
                    new { agendaItemId = theme, text = "再開後" }
                )
            ).StatusCode
        );
        var texts = (await client.GetFromJsonAsync<JsonElement>($"{Api}/meetings/{meeting}/record"))
            .GetProperty("record")
            .GetProperty("opinions")
            .EnumerateArray()
            .Select(o => o.GetProperty("text").GetString())
            .ToList();
        Assert.Equal(["停止前", "再開後"], texts);
        Assert.Equal(2, await OpinionAuditRowsAsync(database, meeting));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task After_a_kill_mid_load_every_recorded_opinion_and_no_other_has_its_audit_row(
        DatabaseProvider provider
    )
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] Host() =>
            [
                .. database.HostArguments,
                $"--Silo:SiloPort={FreePorts.Next()}",
                $"--Silo:GatewayPort={FreePorts.Next()}",
            ];
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        string meeting;
        await using (var host = await HostProcess.StartAsync(Host()))
        {
            (meeting, var theme) = await MeetingWithThemeAsync(host.Client);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable
                .Range(0, 8)
                .Select(w =>
                    Task.Run(async () =>
                    {
                        for (var i = 0; !stop.IsCancellationRequested; i++)
                        {
                            try
                            {
                                var answer = await host.Client.PostAsJsonAsync(
                                    $"{Api}/meetings/{meeting}/opinions",
                                    new { agendaItemId = theme, text = $"書き手{w}-{i}" }
                                );
                                if (answer.StatusCode == HttpStatusCode.Created)
                                    acknowledged.Add($"書き手{w}-{i}");
                            }
                            catch (HttpRequestException)
                            {
                                return;
                            }
                        }
                    })
                )
                .ToList();
            while (acknowledged.Count < 40)
                await Task.Delay(20);
            await host.KillAsync(); // while the writers are still writing
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        await using var restarted = await HostProcess.StartAsync(Host());
        var stored = (await restarted.Client.GetFromJsonAsync<JsonElement>($"{Api}/meetings/{meeting}/record"))
            .GetProperty("record")
            .GetProperty("opinions")
            .EnumerateArray()
            .Select(o => o.GetProperty("text").GetString()!)
            .ToHashSet();
        Assert.Subset(stored, acknowledged.ToHashSet());
        Assert.Equal(stored.Count, await OpinionAuditRowsAsync(database, meeting));
    }

    private static async Task<(string Meeting, string Theme)> MeetingWithThemeAsync(HttpClient client)
    {
        async Task<string> Created(string url, object body)
        {
            var answer = await client.PostAsJsonAsync(url, body);
            Assert.True(
                answer.StatusCode == HttpStatusCode.Created,
                $"{url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}"
            );
            var created = await answer.Content.ReadFromJsonAsync<JsonElement>();
            return (created.TryGetProperty("agendaItem", out var item) ? item : created).GetProperty("id").GetString()!;
        }
        var body = await Created(
            $"{Api}/bodies",
            new
            {
                name = "障害試験の会議体",
                tier = 2,
                territory = "district",
                districtId = "aomori-tsutsui",
            }
        );
        var meeting = await Created(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                title = "第1回",
                date = "2019-11-19",
                slots = new[] { new { start = "10:00", end = "12:00" } },
            }
        );
        return (meeting, await Created($"{Api}/meetings/{meeting}/agenda", new { title = "移動支援" }));
    }

    private static async Task<int> OpinionAuditRowsAsync(TestDatabase database, string meeting)
    {
        await using var connection = await database.Open().OpenAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE tenant_id = 'aomori' AND action = 'POST' AND path = @path",
            new { path = $"{Api}/meetings/{meeting}/opinions" }
        );
    }
}
