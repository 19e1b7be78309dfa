// Importing the Miyagi seed 概要, warm: the parser alone, then the whole import through the API (one transaction,
// replacing the previous import each time), then rendering the round's 概要 as text and as A4 HTML.
// Usage: dotnet run -c Release --project build/bench/ExchangeImport [repetitions=200]
using System.Diagnostics;
using System.Text;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Bench;

var repetitions = args.Length > 0 ? int.Parse(args[0]) : 200;
var seed = await File.ReadAllTextAsync(
    Path.Combine(AppContext.BaseDirectory, "seeds", "miyagi-exchange-sessions-2019.txt")
);
var positions = new Dictionary<string, string> { ["大坂純"] = "委員長", ["高橋誠一"] = "副委員長" };

void Report(string label, string figure, List<double> times)
{
    times.Sort();
    Console.WriteLine(
        $"{label, -34} p50 {Figures.Percentile(times, 50), 7:F2} ms   p95 {Figures.Percentile(times, 95), 7:F2} ms   max {times[^1], 7:F2} ms   (n={times.Count})"
    );
    Figures.Latencies("ExchangeImport", "sqlite", figure, times);
}

async Task<List<double>> Time(Func<Task> work)
{
    // 20 warm-up runs, or as many as are timed when fewer (build/test.sh's smoke times 5).
    for (var i = 0; i < Math.Min(20, repetitions); i++)
        await work();
    var times = new List<double>();
    for (var i = 0; i < repetitions; i++)
    {
        var clock = Stopwatch.StartNew();
        await work();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return times;
}

Report(
    "parse the seed (in process)",
    "parse",
    await Time(() =>
    {
        ExchangeSummaryParser.Parse(seed, positions);
        return Task.CompletedTask;
    })
);

await using var host = await BenchHost.StartAsync(postgres: null);
using var http = await host.SignInAsync("miyagi-coordinator");
string? roundId = null;
Report(
    "import via API (SQLite, replace)",
    "import",
    await Time(async () =>
    {
        var answer = await http.PostAsync(
            "/miyagi/api/imports/exchange-summary?replace=true",
            new StringContent(seed, Encoding.UTF8, "text/plain")
        );
        answer.EnsureSuccessStatusCode();
        roundId = System
            .Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync())
            .RootElement.GetProperty("roundId")
            .GetString();
    })
);
Report(
    "round 概要 as text",
    "summary_text",
    await Time(async () => await http.GetStringAsync($"/miyagi/api/exchange-rounds/{roundId}/summary?format=txt"))
);
Report(
    "round 概要 as A4 HTML",
    "summary_html",
    await Time(async () => await http.GetStringAsync($"/miyagi/api/exchange-rounds/{roundId}/summary?format=html"))
);
