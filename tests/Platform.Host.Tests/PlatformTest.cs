using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

// Classes marked [RunsLong] start first, longest first, so that no long class is the run's tail (docs/testing.md).
[assembly: TestCollectionOrderer("Platform.Testing.LongestFirst", "Platform.Testing")]

namespace Platform.Host.Tests;

// Which host a test class gets (the suite must stay within CI's budget, docs/testing.md):
// - A class whose tests only read the demo tenants, or each write rows that no other test of the class reads or
//   counts (its own user name, its own meeting, …), shares ONE host per class: derive from SharedPlatformTest and take
//   a SharedPlatform in the constructor (IClassFixture<SharedPlatform>). New classes start here.
// - A class whose tests change what others read (module switches, settings, sign-in delays, restarts, counts of rows)
//   derives from PlatformTest: a host and database of each test's own.
// Either way the database is a copy of one seeded per run (SeededDatabases), so a host starts without seeding.
// A class that takes more than about 30 s on CI's machine says so with [RunsLong(seconds)] (Platform.Testing), so that
// it starts before the short ones.
// A shared host lives past its first minute, when the retention schedule first runs (and opens connections): tests
// that count connections or queries keep a host of their own.

/// <summary>A test with a host of its own (on SQLite unless it says otherwise) and the demo tenants.</summary>
public abstract class PlatformTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected TestDatabase Database { get; set; } = default!;

    protected TestPlatform Platform { get; set; } = default!;

    protected HttpClient Client => Platform.Client;

    public virtual async Task InitializeAsync()
    {
        Database = await SeededDatabases.CreateAsync(provider);
        Platform = await TestPlatform.StartAsync(Database, ConfigureServices);
    }

    /// <summary>Services the test puts in before the host's own (see <see cref="TestPlatform.StartAsync(TestDatabase,
    /// Action{Microsoft.Extensions.DependencyInjection.IServiceCollection}?, bool, string[])"/>).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    public virtual async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Stops the host and starts a new one on the same database, as an operator's restart would.</summary>
    protected async Task RestartAsync()
    {
        await Platform.DisposeAsync();
        Platform = await TestPlatform.StartAsync(Database, ConfigureServices);
    }

    protected async Task<JsonElement> JsonAsync(string url) => await Client.GetFromJsonAsync<JsonElement>(url);

    protected async Task<bool> EnabledInDistrictAsync(string tenant, string district, string module) =>
        (await JsonAsync($"/{tenant}/api/districts/{district}/modules"))
            .EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == module)
            .GetProperty("enabled")
            .GetBoolean();
}

/// <summary>One host per test class and database provider (started on first use, stopped after the class's last
/// test), for the classes that may share one (see the rule above).</summary>
public sealed class SharedPlatform : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(TestDatabase, TestPlatform)>>> _hosts = new();

    public async Task<TestPlatform> OnAsync(DatabaseProvider provider) =>
        (
            await _hosts
                .GetOrAdd(
                    provider,
                    p => new Lazy<Task<(TestDatabase, TestPlatform)>>(async () =>
                    {
                        var database = await SeededDatabases.CreateAsync(p);
                        return (database, await TestPlatform.StartAsync(database));
                    })
                )
                .Value
        ).Item2;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated))
        {
            var (database, platform) = await host.Value;
            await platform.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}

/// <summary>A test on its class's <see cref="SharedPlatform"/> (on SQLite unless it says otherwise).</summary>
public abstract class SharedPlatformTest(SharedPlatform shared, DatabaseProvider provider = DatabaseProvider.Sqlite)
    : IClassFixture<SharedPlatform>,
        IAsyncLifetime
{
    protected TestPlatform Platform { get; private set; } = default!;

    protected HttpClient Client => Platform.Client;

    public virtual async Task InitializeAsync() => Platform = await shared.OnAsync(provider);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task<JsonElement> JsonAsync(string url) => await Client.GetFromJsonAsync<JsonElement>(url);
}
