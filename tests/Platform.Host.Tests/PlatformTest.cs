using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests;

/// <summary>A test with a host of its own (on SQLite unless it says otherwise) and the demo tenants.</summary>
public abstract class PlatformTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected TestDatabase Database { get; set; } = default!;

    protected TestPlatform Platform { get; set; } = default!;

    protected HttpClient Client => Platform.Client;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Platform = await TestPlatform.StartAsync(Database);
    }

    public virtual async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Stops the host and starts a new one on the same database, as an operator's restart would.</summary>
    protected async Task RestartAsync()
    {
        await Platform.DisposeAsync();
        Platform = await TestPlatform.StartAsync(Database);
    }

    protected async Task<JsonElement> JsonAsync(string url) => await Client.GetFromJsonAsync<JsonElement>(url);

    protected async Task<bool> EnabledInDistrictAsync(string tenant, string district, string module) =>
        (await JsonAsync($"/{tenant}/api/districts/{district}/modules"))
            .EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == module)
            .GetProperty("enabled")
            .GetBoolean();
}
