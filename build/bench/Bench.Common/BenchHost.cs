using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Storage;
using Platform.Host;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The real host, started in the benchmark's process on loopback with a throwaway database: SQLite in a temporary
/// file, or a PostgreSQL database created for the run and dropped after it. Accounts, audit and privacy are on, as in
/// production; the demo tenants are loaded from <c>seeds/</c>.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly string? _postgres;
    private readonly string? _postgresDatabase;

    private BenchHost(WebApplication app, string? postgres, string? postgresDatabase)
    {
        App = app;
        _postgres = postgres;
        _postgresDatabase = postgresDatabase;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>"sqlite" or "postgres": the database column of <see cref="Figures"/>.</summary>
    public string DatabaseName => _postgres is null ? "sqlite" : "postgres";

    /// <param name="postgres">A PostgreSQL connection string (the server, not a database); null for the embedded SQLite.</param>
    /// <param name="configure">Adds bench-only endpoints before the host starts.</param>
    public static async Task<BenchHost> StartAsync(string? postgres, IEnumerable<string>? arguments = null, Action<WebApplication>? configure = null)
    {
        string[] database;
        string? created = null;
        if (postgres is null)
        {
            database = ["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), $"sasaeai-bench-{Guid.NewGuid():N}.db")}"];
        }
        else
        {
            created = "bench_" + Ids.New();
            await using (var admin = new Npgsql.NpgsqlConnection(postgres)) { await admin.OpenAsync(); await admin.ExecuteAsync($"CREATE DATABASE {created}"); }
            database = ["--Database:Provider=Postgres", $"--Database:ConnectionString={new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = created, MaxPoolSize = 64 }}"];
        }
        var app = PlatformApp.Create([.. database, "--Urls=http://127.0.0.1:0", $"--Silo:SiloPort={FreePort()}", $"--Silo:GatewayPort={FreePort()}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Orleans=Error", .. TestAuth.HostArguments(), .. arguments ?? []]);
        configure?.Invoke(app);
        await app.StartAsync();
        return new BenchHost(app, postgres, created);
    }

    /// <summary>A client of the host signed in as <paramref name="userName"/> (a demo account, or "admin").</summary>
    public async Task<HttpClient> SignInAsync(string userName, int connections = 64)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = BaseAddress };
        await TestAuth.SignInAsync(http, userName, userName == "admin" ? TestAuth.AdminPassword : TestAuth.DemoPassword);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_postgresDatabase is null) return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(_postgres);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE {_postgresDatabase} WITH (FORCE)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
