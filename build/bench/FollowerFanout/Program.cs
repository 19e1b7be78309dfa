// Follower fan-out: recorders write into one meeting while many pages follow it live (record/events). Measures the
// time from a recorder's acknowledgement (its POST answered: the entry is durable) to the entry's arrival at each page,
// and the database connections opened per entry, which must not grow with the number of pages.
// Usage: dotnet run -c Release --project build/bench/FollowerFanout [seconds=10] [pages=200] [recorders=8] [interval
// ms=250] [postgres connection string]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bench;
using Platform.Core.Storage;

var seconds = args.Length > 0 ? int.Parse(args[0]) : 10;
var pages = args.Length > 1 ? int.Parse(args[1]) : 200;
var recorders = args.Length > 2 ? int.Parse(args[2]) : 8;
var interval = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3]) : 250);
var postgres = args.Length > 4 ? args[4] : null;
const string Bench = "FollowerFanout";

await using var host = await BenchHost.StartAsync(postgres);
using var http = await host.SignInAsync("aomori-coordinator", pages + recorders + 8);
async Task<JsonElement> Post(string url, object body) =>
    await (await http.PostAsJsonAsync(url, body)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
var bodyId = (await Post("/aomori/api/bodies", new { name = "ベンチマーク協議体", districtId = "aomori-tsutsui" }))
    .GetProperty("id")
    .GetString();
var meeting = (
    await Post(
        "/aomori/api/meetings",
        new
        {
            bodyId,
            title = "計測（同時閲覧）",
            date = "2019-11-19",
        }
    )
).GetProperty("id").GetString()!;
var theme = (await Post($"/aomori/api/meetings/{meeting}/agenda", new { title = "テーマ" }))
    .GetProperty("agendaItem")
    .GetProperty("id")
    .GetString()!;

// Each page: one event stream, recording when each opinion (named by its number in the text) arrived.
var acknowledged = new ConcurrentDictionary<int, long>();
var arrivals = new ConcurrentBag<(int Opinion, long At)>[pages];
var received = new int[pages];
using var stop = new CancellationTokenSource();
var connected = 0;
var followers = Enumerable
    .Range(0, pages)
    .Select(async p =>
    {
        arrivals[p] = [];
        using var response = await http.GetAsync(
            $"/aomori/api/meetings/{meeting}/record/events?after=1",
            HttpCompletionOption.ResponseHeadersRead,
            stop.Token
        );
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        Interlocked.Increment(ref connected);
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                    continue;
                var at = Stopwatch.GetTimestamp();
                var text = JsonDocument
                    .Parse(line.AsMemory(6))
                    .RootElement.GetProperty("opinion")
                    .GetProperty("text")
                    .GetString()!;
                arrivals[p].Add((int.Parse(text[2..text.IndexOf('：')]), at));
                Interlocked.Increment(ref received[p]);
            }
        }
        catch (OperationCanceledException) { }
    })
    .ToList();
while (Volatile.Read(ref connected) < pages)
    await Task.Delay(20);
Console.WriteLine(
    $"{host.DatabaseName}: {pages} pages following, {recorders} recorders each posting every {interval.TotalMilliseconds} ms for {seconds} s"
);

var database = host.App.Services.GetRequiredService<Database>();
var openedBefore = database.Opened;
var next = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(
    Enumerable
        .Range(0, recorders)
        .Select(async r =>
        {
            using var pace = new PeriodicTimer(interval);
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var n = Interlocked.Increment(ref next);
                await Post(
                    $"/aomori/api/meetings/{meeting}/opinions",
                    new { agendaItemId = theme, text = $"意見{n}：地域のお宝を共有する" }
                );
                acknowledged[n] = Stopwatch.GetTimestamp();
                await pace.WaitForNextTickAsync();
            }
        })
);
var posted = acknowledged.Count;
var opened = database.Opened - openedBefore;

// Every page must receive every entry: wait for the last ones, then stop following.
var deadline = Stopwatch.StartNew();
while (received.Any(r => Volatile.Read(ref r) < posted) && deadline.Elapsed < TimeSpan.FromSeconds(30))
    await Task.Delay(50);
await stop.CancelAsync();
await Task.WhenAll(followers);

var missing = received.Sum(r => posted - r);
var delays = arrivals
    .SelectMany(a => a)
    .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(acknowledged[a.Opinion], a.At).TotalMilliseconds))
    .ToList();
Console.WriteLine(
    $"{posted} opinions, {delays.Count} deliveries, {missing} missing; {opened} connections opened while recording"
);
Figures.Print(Bench, host.DatabaseName, "opinions", posted, "opinions");
Figures.Print(Bench, host.DatabaseName, "pages", pages, "pages");
Figures.Print(Bench, host.DatabaseName, "missing_deliveries", missing, "deliveries");
Figures.Print(Bench, host.DatabaseName, "connections_per_opinion", (double)opened / posted, "connections");
Figures.Latencies(Bench, host.DatabaseName, "ack_to_delivery", delays);
if (missing > 0)
    throw new InvalidOperationException($"{missing} deliveries missing: every page must receive every entry");
