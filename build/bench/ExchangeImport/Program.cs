// Importing the Miyagi seed 概要, warm: the parser alone, then the whole import through the API (one transaction,
// replacing the previous import each time), then rendering the round's 概要 as text and as A4 HTML.
// Usage: dotnet run -c Release --project build/bench/ExchangeImport [repetitions=200]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Host;
using Platform.Testing;

var repetitions = args.Length > 0 ? int.Parse(args[0]) : 200;
var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "miyagi-exchange-sessions-2019.txt"));
var positions = new Dictionary<string, string> { ["大坂純"] = "委員長", ["高橋誠一"] = "副委員長" };

static void Report(string label, List<double> times)
{
    times.Sort();
    Console.WriteLine($"{label,-34} p50 {times[times.Count / 2],7:F2} ms   p95 {times[(int)(times.Count * 0.95)],7:F2} ms   max {times[^1],7:F2} ms   (n={times.Count})");
}

async Task<List<double>> Time(Func<Task> work)
{
    for (var i = 0; i < 20; i++) await work();
    var times = new List<double>();
    for (var i = 0; i < repetitions; i++)
    {
        var clock = Stopwatch.StartNew();
        await work();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return times;
}

Report("parse the seed (in process)", await Time(() => { ExchangeSummaryParser.Parse(seed, positions); return Task.CompletedTask; }));

static int Port() { using var l = new TcpListener(IPAddress.Loopback, 0); l.Start(); return ((IPEndPoint)l.LocalEndpoint).Port; }
var db = Path.Combine(Path.GetTempPath(), $"sasaeai-bench-{Guid.NewGuid():N}.db");
var app = PlatformApp.Create(["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={db}", "--Urls=http://127.0.0.1:0",
    $"--Silo:SiloPort={Port()}", $"--Silo:GatewayPort={Port()}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Orleans=Error",
    .. TestAuth.HostArguments()]);
await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
await TestAuth.SignInAsync(http, "miyagi-coordinator", TestAuth.DemoPassword);
string? roundId = null;
Report("import via API (SQLite, replace)", await Time(async () =>
{
    var answer = await http.PostAsync("/miyagi/api/imports/exchange-summary?replace=true", new StringContent(seed, Encoding.UTF8, "text/plain"));
    answer.EnsureSuccessStatusCode();
    roundId = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("roundId").GetString();
}));
Report("round 概要 as text", await Time(async () => await http.GetStringAsync($"/miyagi/api/exchange-rounds/{roundId}/summary?format=txt")));
Report("round 概要 as A4 HTML", await Time(async () => await http.GetStringAsync($"/miyagi/api/exchange-rounds/{roundId}/summary?format=html")));
await app.StopAsync();
