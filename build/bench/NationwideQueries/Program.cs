// Nationwide data set on PostgreSQL and the latency of the pages and APIs a coordinator reads, one user at a time.
// Usage: dotnet run -c Release --project build/bench/NationwideQueries -- "Host=…;Username=…" [municipalities=1741]
// [prefectures=47] [requests=200] Creates a throwaway database (Bench.Common), starts the real host on it, bulk-loads
// the data set with binary COPY, ANALYZEs, signs in as the platform administrator and times each route: 20 warm-up
// requests, then `requests` timed. Further arguments: "explain" prints EXPLAIN (ANALYZE, BUFFERS) of the key queries
// for the largest tenant; "keep" leaves the loaded database in place (its name is printed); "reuse=<database>" times a
// database kept before, loaded with the same municipalities and prefectures, without loading again (migrations not yet
// applied to it are applied at start).
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Platform.Bench;
using Platform.Core.Storage;

if (args.Length < 1)
{
    Console.Error.WriteLine(
        "usage: NationwideQueries <postgres server connection string> [municipalities=1741] [prefectures=47] [requests=200] [explain]"
    );
    return 2;
}
var postgres = args[0];
var municipalityCount = args.Length > 1 ? int.Parse(args[1]) : 1741;
var prefectureCount = args.Length > 2 ? Math.Clamp(int.Parse(args[2]), 1, 47) : 47;
var requests = args.Length > 3 ? int.Parse(args[3]) : 200;

// "explain" as a further argument prints EXPLAIN (ANALYZE, BUFFERS) of the key queries for the largest tenant at the
// end.
const string Bench = "NationwideQueries";
var keep = args.Contains("keep");
var reuse = args.FirstOrDefault(a => a.StartsWith("reuse=", StringComparison.Ordinal))?["reuse=".Length..];

// With reuse, the host's connection string names the kept database (a later --Database:ConnectionString wins); the
// empty database BenchHost creates for the run is dropped at the end as usual.
var host = await BenchHost.StartAsync(
    postgres,
    reuse is null
        ? ["--Seeds:Load=false"]
        :
        [
            "--Seeds:Load=false",
            $"--Database:ConnectionString={new NpgsqlConnectionStringBuilder(postgres) { Database = reuse, MaxPoolSize = 64 }}",
        ]
);
try
{
    var database = host.App.Services.GetRequiredService<Database>();
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
    var set = Nationwide.Plan(municipalityCount, prefectureCount, today);
    Console.WriteLine(
        $"data set: {set.Tenants.Count} tenants ({municipalityCount} municipalities, {prefectureCount} prefectures), {set.Districts} districts, "
            + $"{set.Bodies.Count} bodies (tier 1: {set.Bodies.Count(b => b.Tier == 1)}, tier 2: {set.Bodies.Count(b => b.Tier == 2)}), {set.Meetings.Count} meetings, fiscal years {set.FirstYear}–{set.FirstYear + 4}"
    );

    if (reuse is null)
    {
        var watch = Stopwatch.StartNew();
        long opinions,
            comments;
        await using (var connection = (NpgsqlConnection)await database.OpenAsync())
            (opinions, comments) = await Nationwide.LoadAsync(connection, set);
        var load = watch.Elapsed.TotalSeconds;
        long size;
        await using (var connection = (NpgsqlConnection)await database.OpenAsync())
            size = await connection.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())");
        Console.WriteLine(
            $"loaded {opinions:N0} opinions and {comments:N0} comments in {load:F0} s (COPY, indexes rebuilt, ANALYZE); database {size / 1048576.0:N0} MiB"
        );
        Figures.Print(Bench, "postgres", "generation_time", load, "s");
        Figures.Print(Bench, "postgres", "meetings", set.Meetings.Count, "rows");
        Figures.Print(Bench, "postgres", "opinions_and_comments", opinions + comments, "rows");
        Figures.Print(Bench, "postgres", "database_size", size / 1048576.0, "MiB");
    }
    else
        Console.WriteLine($"reusing database {reuse}: not loaded");

    var http = await host.SignInAsync("admin", 1);
    var random = new Random(20261130);
    // A user works in a tenant in proportion to its bodies: the large cities, with the most data, are asked the most.
    var weighted = set.Tenants.SelectMany(t => Enumerable.Repeat(t, Math.Max(1, t.BodyCount))).ToList();
    Nationwide.Tenant PickTenant() => weighted[random.Next(weighted.Count)];
    Nationwide.MeetingPlan PickHeld(Nationwide.Tenant t)
    {
        while (true)
        {
            var m = set.Meetings[t.FirstMeeting + random.Next(t.MeetingCount)];
            if (m.Opinions > 0)
                return m;
        }
    }
    var year = today.Month >= 4 ? today.Year : today.Year - 1;
    string Fy(int y) => $"from={y}-04-01&to={y + 1}-03-31";
    string[] words =
    [
        "見守り",
        "お宝",
        "サロン",
        "買い物支援",
        "居場所",
        "ゴミ出し",
        "認知症カフェ",
        "除雪",
        "サロン 送迎",
        "担い手 不足",
        "空き家",
        "宝",
    ];

    var routes = new (string Name, Func<string> Url)[]
    {
        ("dashboard", () => $"/{PickTenant().Id}/dashboard"),
        (
            "cadence",
            () =>
            {
                var t = PickTenant();
                return t.DistrictIds.Count == 0
                    ? $"/{t.Id}/api/dashboard"
                    : $"/{t.Id}/api/districts/{t.DistrictIds[random.Next(t.DistrictIds.Count)]}/cadence";
            }
        ),
        (
            "meeting_list_filtered",
            () =>
            {
                var t = PickTenant();
                var body = set.Bodies[t.FirstBody + random.Next(t.BodyCount)];
                return random.Next(3) switch
                {
                    0 => $"/{t.Id}/api/meetings?bodyId={body.Id}&{Fy(year - random.Next(5))}",
                    1 when body.DistrictId is not null =>
                        $"/{t.Id}/api/meetings?districtId={body.DistrictId}&status=MinutesApproved",
                    _ => $"/{t.Id}/api/meetings?status=Held&{Fy(year - random.Next(2))}",
                };
            }
        ),
        (
            "summary_html",
            () =>
            {
                var t = PickTenant();
                return $"/{t.Id}/api/meetings/{PickHeld(t).Id}/minutes?format=html";
            }
        ),
        ("search", () => $"/{PickTenant().Id}/api/search?q={Uri.EscapeDataString(words[random.Next(words.Length)])}"),
        ("annual_meetings", () => $"/{PickTenant().Id}/api/meetings?{Fy(year - 1 - random.Next(4))}"),
        (
            "annual_body_cadence",
            () =>
            {
                var t = PickTenant();
                return $"/{t.Id}/api/bodies/{set.Bodies[t.FirstBody + random.Next(t.BodyCount)].Id}/cadence?fiscalYear={year - 1 - random.Next(4)}";
            }
        ),
    };
    var largest = set.Tenants.MaxBy(t => t.BodyCount)!;
    Console.WriteLine($"largest tenant: {largest.Id} with {largest.BodyCount} bodies, {largest.MeetingCount} meetings");
    foreach (var (name, url) in routes)
    {
        var times = new List<double>();
        for (var i = 0; i < 20 + requests; i++)
        {
            var target = url();
            var start = Stopwatch.GetTimestamp();
            using var answer = await http.GetAsync(target);
            var body = await answer.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!answer.IsSuccessStatusCode)
                throw new InvalidOperationException(
                    $"{target}: {(int)answer.StatusCode} {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 400)]}"
                );
            if (i >= 20)
                times.Add(elapsed);
        }
        Figures.Latencies(Bench, "postgres", name, times);
    }
    // Search by kind of word: a common word, a rare two-character one, and one character (no bigram: the tenant's rows
    // are read).
    foreach (
        var (name, q) in new[]
        {
            ("search_common", "見守り"),
            ("search_two_characters", "お宝"),
            ("search_one_character", "宝"),
        }
    )
    {
        var times = new List<double>();
        for (var i = 0; i < 10 + requests / 2; i++)
        {
            var t = PickTenant();
            var start = Stopwatch.GetTimestamp();
            (await http.GetAsync($"/{t.Id}/api/search?q={Uri.EscapeDataString(q)}")).EnsureSuccessStatusCode();
            if (i >= 10)
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Figures.Latencies(Bench, "postgres", name, times);
    }
    if (args.Contains("explain"))
    {
        var meeting = set.Meetings.Skip(largest.FirstMeeting).Take(largest.MeetingCount).First(m => m.Comments > 0);
        await using var connection = (NpgsqlConnection)await database.OpenAsync();
        await Nationwide.ExplainAsync(connection, largest, meeting, set.Bodies[largest.FirstBody + 1], year - 1);
    }
    if (keep && reuse is null)
    {
        await using var connection = await database.OpenAsync();
        Console.WriteLine(
            $"kept database {connection.Database}: time it again with reuse={connection.Database}; drop it when done"
        );
    }
    return 0;
}
finally
{
    // keep: stop the host without BenchHost's DisposeAsync, which drops the database it created.
    if (keep && reuse is null)
    {
        await host.App.StopAsync();
        await host.App.DisposeAsync();
    }
    else
        await host.DisposeAsync();
}
