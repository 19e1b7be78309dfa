using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;

namespace Platform.Testing;

/// <summary>
/// Three hosts as separate processes on one PostgreSQL database, one Orleans cluster, behind nginx with the
/// repository's <c>deploy/nginx/sasaeai.conf</c>: the topology of README's "Running several hosts". A host can be
/// killed, stopped and started again at its own address, where nginx expects it.
/// </summary>
public sealed class ThreeHosts : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _clusterId = $"three-{Guid.NewGuid():N}"[..20];
    private readonly string[] _urls;
    private readonly (int Silo, int Gateway)[] _ports;
    private readonly HostProcess?[] _hosts;

    private ThreeHosts(TestDatabase database)
    {
        _database = database;
        _urls = [.. Enumerable.Range(0, 3).Select(_ => $"http://127.0.0.1:{FreePorts.Next()}")];
        _ports = [.. Enumerable.Range(0, 3).Select(_ => (FreePorts.Next(), FreePorts.Next()))];
        _hosts = new HostProcess?[3];
    }

    public NginxFront Front { get; private set; } = default!;

    public TestDatabase Database => _database;

    public static async Task<ThreeHosts> StartAsync()
    {
        var cluster = new ThreeHosts(await SeededDatabases.CreateAsync(DatabaseProvider.Postgres));
        // The first host makes the membership table's row; the other two join it.
        await cluster.StartAsync(0);
        await Task.WhenAll(cluster.StartAsync(1), cluster.StartAsync(2));
        cluster.Front = await NginxFront.StartAsync(cluster._urls);
        return cluster;
    }

    /// <summary>Host <paramref name="index"/> itself, not through nginx, signed in as the platform administrator.</summary>
    public HostProcess Host(int index) => _hosts[index] ?? throw new InvalidOperationException($"host {index} is down");

    public async Task StartAsync(int index) =>
        _hosts[index] = await HostProcess.StartAtAsync(
            _urls[index],
            [
                .. _database.HostArguments,
                "--Silo:Clustering=Database",
                $"--Silo:ClusterId={_clusterId}",
                $"--Silo:SiloPort={_ports[index].Silo}",
                $"--Silo:GatewayPort={_ports[index].Gateway}",
                "--Proxy:KnownProxies=127.0.0.1",
            ]
        );

    /// <summary>What the hosts stopped so far wrote (warnings and errors): for a failing test's message.</summary>
    public List<string> Logs { get; } = [];

    /// <summary>Starts again the hosts a previous test stopped or killed.</summary>
    public Task AllUpAsync() => Task.WhenAll(Enumerable.Range(0, 3).Where(i => _hosts[i] is null).Select(StartAsync));

    public async Task KillAsync(int index)
    {
        Logs.Add(Host(index).Output);
        await Host(index).DisposeAsync();
        _hosts[index] = null;
    }

    /// <summary>Stops a host gracefully (SIGTERM), as <c>systemctl stop</c> or an upgrade does.</summary>
    public async Task StopAsync(int index)
    {
        await Host(index).StopAsync();
        Logs.Add(Host(index).Output);
        await Host(index).DisposeAsync();
        _hosts[index] = null;
    }

    /// <summary>A client of the front (nginx) signed in as <paramref name="userName"/>.</summary>
    public Task<HttpClient> ClientAsync(string userName) => ClientAsync(Front.BaseUrl, userName);

    /// <summary>A client of one host directly, signed in as <paramref name="userName"/>.</summary>
    public Task<HttpClient> HostClientAsync(int index, string userName) => ClientAsync(_urls[index], userName);

    private async Task<HttpClient> ClientAsync(string baseUrl, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            await TokenAsync(userName)
        );
        return client;
    }

    /// <summary>A bearer token of a demo account, got through the front: every host honours it.</summary>
    public async Task<string> TokenAsync(string userName)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Front.BaseUrl) };
        var answer = await client.PostAsJsonAsync(
            "/api/auth/token",
            new { userName, password = TestAuth.DemoPassword }
        );
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Front is not null)
            await Front.DisposeAsync();
        foreach (var host in _hosts.OfType<HostProcess>())
            await host.DisposeAsync();
        await _database.DisposeAsync();
    }
}
