// Mixed load: clients read meeting pages and HTML summaries and record opinions at once, on meetings that grow to
// 300 entries each and are then replaced by new ones, as a working day's meetings would. The host runs as a process of
// its own (as an operator runs it, with its own GC settings), so that its resident memory is measured apart from the
// clients'.
// Usage: dotnet run -c Release --project build/bench/MixedLoad [seconds=60] [clients=32] [meetings=8] [postgres
// connection string]
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Bench;
using Platform.Testing;

var seconds = args.Length > 0 ? int.Parse(args[0]) : 60;
var clients = args.Length > 1 ? int.Parse(args[1]) : 32;
var slots = args.Length > 2 ? int.Parse(args[2]) : 8;
var postgres = args.Length > 3 ? args[3] : null;
const string Bench = "MixedLoad";
const int MaxEntries = 300;

await using var database = await BenchDatabase.CreateAsync(postgres);
var databaseName = database.Name;
await using var host = await HostProcess.StartAsync([
    .. database.HostArguments,
    $"--Silo:SiloPort={FreePorts.Next()}",
    $"--Silo:GatewayPort={FreePorts.Next()}",
]);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4 })
{
    BaseAddress = new Uri(host.BaseUrl),
};
await TestAuth.SignInAsync(http, "aomori-coordinator", TestAuth.DemoPassword);

async Task<JsonElement> Post(string url, object body) =>
    await (await http.PostAsJsonAsync(url, body)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
var bodyId = (await Post("/aomori/api/bodies", new { name = "ベンチマーク協議体", districtId = "aomori-tsutsui" }))
    .GetProperty("id")
    .GetString();
var made = 0;
async Task<Slot> NewMeeting()
{
    var meeting = (
        await Post(
            "/aomori/api/meetings",
            new
            {
                bodyId,
                title = $"第{Interlocked.Increment(ref made)}回 地域支え合い会議",
                date = "2019-11-19",
            }
        )
    ).GetProperty("id").GetString()!;
    var themes = new List<string>();
    foreach (var title in new[] { "地域の困りごと", "地域のお宝（資源）", "これからの取組" })
        themes.Add(
            (await Post($"/aomori/api/meetings/{meeting}/agenda", new { title }))
                .GetProperty("agendaItem")
                .GetProperty("id")
                .GetString()!
        );
    // Held: its summary can be read while it is still being recorded (the minutes are not approved yet).
    (
        await http.PostAsJsonAsync($"/aomori/api/meetings/{meeting}/status", new { status = "held" })
    ).EnsureSuccessStatusCode();
    return new Slot(meeting, themes);
}
Task Record(Slot slot, int n) =>
    Post(
        $"/aomori/api/meetings/{slot.Meeting}/opinions",
        new
        {
            agendaItemId = slot.Themes[n % slot.Themes.Count],
            text = $"{(n % 7 == 6 ? "⇒" : "")}意見{n}：町内会のサロンで見守りの声かけを続けている。協議の場で、自分たちのしていることを知ってもらいたい。",
            speaker = n % 3 == 0 ? "民生委員" : null,
        }
    );

// Meetings half full to begin with, so that pages of every size from 150 to 300 entries are read.
var meetings = new Slot[slots];
for (var s = 0; s < slots; s++)
{
    meetings[s] = await NewMeeting();
    for (var i = 0; i < MaxEntries / 2; i++)
        await Record(meetings[s], i);
    meetings[s].Count = MaxEntries / 2;
}
Console.WriteLine(
    $"{databaseName}: {clients} clients for {seconds} s over {slots} meetings of up to {MaxEntries} entries; host process {host.ProcessId}"
);

var kinds = new[] { "meeting_page", "summary_html", "record_opinion" };
var latencies = Enumerable.Range(0, clients).Select(_ => kinds.ToDictionary(k => k, _ => new List<double>())).ToArray();
var errors = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(
    Enumerable
        .Range(0, clients)
        .Select(async c =>
        {
            var random = new Random(c);
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var s = random.Next(slots);
                var slot = meetings[s];
                var roll = random.NextDouble();
                var kind =
                    roll < 0.4 ? kinds[0]
                    : roll < 0.8 ? kinds[1]
                    : kinds[2];
                var one = Stopwatch.StartNew();
                try
                {
                    if (kind == kinds[0])
                        (await http.GetAsync($"/aomori/meetings/{slot.Meeting}")).EnsureSuccessStatusCode();
                    else if (kind == kinds[1])
                        (
                            await http.GetAsync($"/aomori/api/meetings/{slot.Meeting}/minutes?format=html")
                        ).EnsureSuccessStatusCode();
                    else
                    {
                        var n = Interlocked.Increment(ref slot.Count);
                        if (n <= MaxEntries)
                            await Record(slot, n);
                        // The writer that fills a meeting starts the next one in its place, as the next meeting of the
                        // day.
                        else
                        {
                            if (n == MaxEntries + 1)
                                meetings[s] = await NewMeeting();
                            continue;
                        }
                    }
                    latencies[c][kind].Add(one.Elapsed.TotalMilliseconds);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })
);
var elapsed = clock.Elapsed.TotalSeconds;
var status = File.ReadAllLines($"/proc/{host.ProcessId}/status");
double Kb(string field) =>
    double.Parse(status.First(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

var all = latencies.SelectMany(l => l.Values.SelectMany(v => v)).ToList();
Console.WriteLine(
    $"{all.Count / elapsed:F0} requests/s, {errors} errors, resident memory {Kb("VmRSS") / 1024:F0} MB (peak {Kb("VmHWM") / 1024:F0} MB), {made} meetings"
);
Figures.Print(Bench, databaseName, "throughput", all.Count / elapsed, "requests/s");
Figures.Print(Bench, databaseName, "errors", errors, "requests");
Figures.Latencies(Bench, databaseName, "all", all);
foreach (var kind in kinds)
    Figures.Latencies(Bench, databaseName, kind, latencies.SelectMany(l => l[kind]));
Figures.Print(Bench, databaseName, "host_rss_after", Kb("VmRSS") / 1024, "MB");
Figures.Print(Bench, databaseName, "host_rss_peak", Kb("VmHWM") / 1024, "MB");

if (errors > 0)
    throw new InvalidOperationException($"{errors} requests failed");

sealed class Slot(string meeting, List<string> themes)
{
    public string Meeting { get; } = meeting;
    public List<string> Themes { get; } = themes;
    public int Count;
}
