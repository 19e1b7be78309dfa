// Recording throughput: opinions posted by 32 concurrent clients through the real path (API → meeting grain → batched
// Dapper transaction) against a ceiling measured in the same run: a bare endpoint on the same host that does the same
// single INSERT with Dapper and nothing else. Then the HTML summary of a meeting with 4 themes × 50 opinions.
// Usage: dotnet run -c Release --project build/bench/RecordingThroughput [seconds=10] [clients=32] [postgres connection
// string]
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Bench;
using Platform.Core.Records;
using Platform.Core.Storage;

var seconds = args.Length > 0 ? int.Parse(args[0]) : 10;
var clients = args.Length > 1 ? int.Parse(args[1]) : 32;
var postgres = args.Length > 2 ? args[2] : null;

// The ceiling: the same row, the same Dapper INSERT, no grain, no batching, no sequence bookkeeping.
var bareSeq = 1_000_000;
await using var host = await BenchHost.StartAsync(
    postgres,
    configure: app =>
        app.MapPost(
            "/bench/bare/{meetingId}",
            async (string meetingId, OpinionInput input, Database db) =>
            {
                var seq = Interlocked.Increment(ref bareSeq);
                var id = Ids.New();
                await using var connection = await db.OpenAsync();
                await connection.ExecuteAsync(
                    "INSERT INTO opinions (tenant_id, opinion_id, meeting_id, agenda_item_id, seq, kind, text, speaker, organisation, responds_to, recorded_by, recorded_at, search_text) "
                        + "VALUES ('aomori', @id, @meetingId, @AgendaItemId, @seq, 'Opinion', @Text, NULL, NULL, NULL, NULL, @now, @search)",
                    new
                    {
                        id,
                        meetingId,
                        input.AgendaItemId,
                        seq,
                        input.Text,
                        now = Clock.Now(),
                        search = SearchText.Fold(input.Text),
                    }
                );
                return Results.Created((string?)null, new { id, seq });
            }
        )
);
using var http = await host.SignInAsync("aomori-coordinator", clients * 2);
const string Bench = "RecordingThroughput";

async Task<JsonElement> Post(string url, object body)
{
    var answer = await http.PostAsJsonAsync(url, body);
    answer.EnsureSuccessStatusCode();
    return await answer.Content.ReadFromJsonAsync<JsonElement>();
}

var bodyId = (await Post("/aomori/api/bodies", new { name = "ベンチマーク協議体", districtId = "aomori-tsutsui" }))
    .GetProperty("id")
    .GetString();
async Task<(string Meeting, string Theme)> NewMeeting(string title)
{
    var meeting = (
        await Post(
            "/aomori/api/meetings",
            new
            {
                bodyId,
                title,
                date = "2019-11-19",
            }
        )
    ).GetProperty("id").GetString()!;
    var theme = (await Post($"/aomori/api/meetings/{meeting}/agenda", new { title = "テーマ" }))
        .GetProperty("agendaItem")
        .GetProperty("id")
        .GetString()!;
    return (meeting, theme);
}

async Task<double> Run(string label, string? figure, Func<int, Task> send, TimeSpan duration)
{
    var latencies = new List<double>[clients];
    var stop = Stopwatch.StartNew();
    await Task.WhenAll(
        Enumerable
            .Range(0, clients)
            .Select(async c =>
            {
                latencies[c] = [];
                var i = 0;
                while (stop.Elapsed < duration)
                {
                    var one = Stopwatch.StartNew();
                    await send(c * 1_000_000 + i++);
                    latencies[c].Add(one.Elapsed.TotalMilliseconds);
                }
            })
    );
    var all = latencies.SelectMany(l => l).Order().ToList();
    var perSecond = all.Count / stop.Elapsed.TotalSeconds;
    Console.WriteLine(
        $"{label, -22} {perSecond, 8:F0} /s   p50 {Figures.Percentile(all, 50), 6:F2} ms   p99 {Figures.Percentile(all, 99), 6:F2} ms   ({all.Count} opinions)"
    );
    if (figure is not null)
    {
        Figures.Print(Bench, host.DatabaseName, $"{figure}.throughput", perSecond, "opinions/s");
        Figures.Latencies(Bench, host.DatabaseName, figure, all);
    }
    return perSecond;
}

var (platformMeeting, platformTheme) = await NewMeeting("計測（プラットフォーム）");
var (bareMeeting, bareTheme) = await NewMeeting("計測（素のINSERT）");
Task Platform(int n) =>
    Post(
        $"/aomori/api/meetings/{platformMeeting}/opinions",
        new { agendaItemId = platformTheme, text = $"意見{n}：地域のお宝を共有する" }
    );
Task Bare(int n) =>
    Post($"/bench/bare/{bareMeeting}", new { agendaItemId = bareTheme, text = $"意見{n}：地域のお宝を共有する" });

// 2 s of warm-up, or as long as the run itself when shorter (build/test.sh's smoke runs 1 s).
var warmUp = Math.Min(2, seconds);
Console.WriteLine($"{host.DatabaseName}, {clients} clients, {seconds} s each, after {warmUp} s of warm-up each");
await Run("warm-up (bare)", null, Bare, TimeSpan.FromSeconds(warmUp));
await Run("warm-up (platform)", null, Platform, TimeSpan.FromSeconds(warmUp));
var ceiling = await Run("ceiling: bare INSERT", "ceiling", Bare, TimeSpan.FromSeconds(seconds));
var platform = await Run("platform: API+grain", "platform", Platform, TimeSpan.FromSeconds(seconds));
Figures.Print(Bench, host.DatabaseName, "ratio", platform / ceiling, "platform/ceiling");

// The summary of 4 themes × 50 opinions, rendered by the real endpoint.
var (summaryMeeting, firstTheme) = await NewMeeting("概要計測");
var themes = new List<string> { firstTheme };
for (var t = 1; t < 4; t++)
    themes.Add(
        (await Post($"/aomori/api/meetings/{summaryMeeting}/agenda", new { title = $"テーマ{t + 1}" }))
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString()!
    );
foreach (var theme in themes)
    for (var i = 0; i < 50; i++)
        await Post(
            $"/aomori/api/meetings/{summaryMeeting}/opinions",
            new
            {
                agendaItemId = theme,
                text = $"{(i % 5 == 4 ? "⇒" : "")}意見{i}：協議の場で、自分たちのしていることを知ってもらうこと。",
            }
        );
await http.PostAsJsonAsync($"/aomori/api/meetings/{summaryMeeting}/status", new { status = "held" });
var times = new List<double>();
for (var i = 0; i < 220; i++)
{
    var one = Stopwatch.StartNew();
    var html = await http.GetStringAsync($"/aomori/api/meetings/{summaryMeeting}/minutes?format=html");
    if (i >= 20)
        times.Add(one.Elapsed.TotalMilliseconds);
    if (i == 0 && html.Split("<li").Length < 200)
        throw new InvalidOperationException("summary is missing opinions");
}
Figures.Latencies(Bench, host.DatabaseName, "summary_html_4x50", times);
