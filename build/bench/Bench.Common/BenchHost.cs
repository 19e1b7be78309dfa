using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly BenchDatabase _database;

    private BenchHost(WebApplication app, BenchDatabase database)
    {
        App = app;
        _database = database;
        BaseAddress = new Uri(
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        );
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>"sqlite" or "postgres": the database column of <see cref="Figures"/>.</summary>
    public string DatabaseName => _database.Name;

    /// <param name="postgres">A PostgreSQL connection string (the server, not a database); null for the embedded
    /// SQLite.</param>
    /// <param name="configure">Adds bench-only endpoints before the host starts.</param>
    public static async Task<BenchHost> StartAsync(
        string? postgres,
        IEnumerable<string>? arguments = null,
        Action<WebApplication>? configure = null
    )
    {
        var database = await BenchDatabase.CreateAsync(postgres);
        var app = PlatformApp.Create([
            .. database.HostArguments,
            "--Urls=http://127.0.0.1:0",
            $"--Silo:SiloPort={FreePorts.Next()}",
            $"--Silo:GatewayPort={FreePorts.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. TestAuth.HostArguments(),
            .. arguments ?? [],
        ]);
        configure?.Invoke(app);
        await app.StartAsync();
        return new BenchHost(app, database);
    }

    /// <summary>A client of the host signed in as <paramref name="userName"/> (a demo account, or "admin").</summary>
    public async Task<HttpClient> SignInAsync(string userName, int connections = 64)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = BaseAddress,
        };
        await TestAuth.SignInAsync(
            http,
            userName,
            userName == "admin" ? TestAuth.AdminPassword : TestAuth.DemoPassword
        );
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
