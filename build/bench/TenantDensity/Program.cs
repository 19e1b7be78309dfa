// Tenant density: how much memory an idle tenant costs and how long a cold tenant's first request takes.
// Usage: dotnet run -c Release --project build/bench/TenantDensity [tenants=1741] [districts=10] [cold=100]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench;
using Platform.Core.Storage;
using Platform.Host;
using Platform.Testing;

var tenants = args.Length > 0 ? int.Parse(args[0]) : 1741;
var districtsPerTenant = args.Length > 1 ? int.Parse(args[1]) : 10;
var cold = args.Length > 2 ? int.Parse(args[2]) : 100;
var path = Path.Combine(Path.GetTempPath(), $"sasaeai-bench-{Guid.NewGuid():N}.db");
var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };

var database = new Database(options);
await new Migrator(database, NullLogger<Migrator>.Instance).ApplyAsync([typeof(Migrator).Assembly]);
await using (var connection = await database.OpenAsync())
await using (var transaction = await connection.BeginTransactionAsync())
{
    var now = DateTimeOffset.UtcNow.ToString("O");
    for (var t = 0; t < tenants + cold; t++)
    {
        await connection.ExecuteAsync(
            "INSERT INTO tenants (tenant_id, name, kind, local_government_code, created_at) VALUES (@id, @name, 'municipality', '022012', @now)",
            new
            {
                id = $"t{t:D4}",
                name = $"自治体{t}",
                now,
            },
            transaction
        );
        for (var d = 0; d < districtsPerTenant; d++)
            await connection.ExecuteAsync(
                "INSERT INTO districts (tenant_id, district_id, name, kind, sort_order, created_at, updated_at) VALUES (@t, @id, @name, 'District', @d, @now, @now)",
                new
                {
                    t = $"t{t:D4}",
                    id = $"t{t:D4}-d{d}",
                    name = $"地区{d}",
                    d,
                    now,
                },
                transaction
            );
    }
    await transaction.CommitAsync();
}

static int Port()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}
var app = PlatformApp.Create([
    $"--Database:Provider=Sqlite",
    $"--Database:ConnectionString={options.ConnectionString}",
    "--Seeds:Load=false",
    "--Urls=http://127.0.0.1:0",
    $"--Silo:SiloPort={Port()}",
    $"--Silo:GatewayPort={Port()}",
    "--Logging:LogLevel:Default=Warning",
    .. TestAuth.HostArguments(),
]);
await app.StartAsync();
var client = new HttpClient
{
    BaseAddress = new Uri(
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
    ),
};
await TestAuth.SignInAsync(client);

async Task Touch(int t)
{
    (await client.GetAsync($"/t{t:D4}/api/districts")).EnsureSuccessStatusCode();
    (await client.GetAsync($"/t{t:D4}/districts/t{t:D4}-d0")).EnsureSuccessStatusCode();
}
static (long Rss, long Managed) Memory()
{
    for (var i = 0; i < 3; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
    using var self = Process.GetCurrentProcess();
    return (self.WorkingSet64, GC.GetTotalMemory(true));
}

await Touch(0); // warm the code paths
var before = Memory();
for (var t = 1; t <= tenants; t++)
    await Touch(t % tenants == 0 ? tenants - 1 : t);
var after = Memory();

var times = new List<double>();
for (var t = tenants; t < tenants + cold; t++)
{
    var watch = Stopwatch.StartNew();
    await Touch(t);
    times.Add(watch.Elapsed.TotalMilliseconds / 2);
}
times.Sort();
Console.WriteLine($"tenants: {tenants} × {districtsPerTenant} districts (+{cold} cold), SQLite, one host");
Console.WriteLine(
    $"resident memory per tenant after one request each, then idle: {(after.Rss - before.Rss) / 1024.0 / tenants:F1} KB (managed heap {(after.Managed - before.Managed) / 1024.0 / tenants:F1} KB)"
);
Console.WriteLine(
    $"cold tenant first request (per request, two requests each): median {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, max {times[^1]:F2} ms"
);
Figures.Print("TenantDensity", "sqlite", "rss_per_idle_tenant", (after.Rss - before.Rss) / 1024.0 / tenants, "KB");
Figures.Print(
    "TenantDensity",
    "sqlite",
    "managed_per_idle_tenant",
    (after.Managed - before.Managed) / 1024.0 / tenants,
    "KB"
);
Figures.Latencies("TenantDensity", "sqlite", "cold_tenant_request", times);
await app.StopAsync();
File.Delete(path);
