using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Plugins;

/// <summary>The host as <c>dotnet run --project host</c> builds it: the two sample plugins beside it, allowed,
/// switchable.</summary>
public class DefaultRunTests
{
    [Fact]
    public async Task The_built_host_lists_and_runs_the_two_samples_without_any_configuration()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await HostProcess.StartAsync([
            .. database.HostArguments,
            $"--Silo:SiloPort={FreePorts.Next()}",
            $"--Silo:GatewayPort={FreePorts.Next()}",
        ]);
        var client = host.Client;
        var plugins = await client.GetFromJsonAsync<JsonElement>("/api/plugins");
        foreach (var id in new[] { "Sample.AnnualReport", "Sample.SeniorsClubMeeting" })
        {
            var plugin = plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
            Assert.Equal("loaded", plugin.GetProperty("state").GetString()!.ToLowerInvariant());
        }
        Assert.Contains("Sample.AnnualReport", await client.GetStringAsync("/aomori/admin/modules"));

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync("/aomori/reports/annual?fiscalYear=2019")).StatusCode
        );
        Assert.True((await client.PutAsync("/aomori/api/modules/Sample.AnnualReport", null)).IsSuccessStatusCode);
        var page = await client.GetStringAsync("/aomori/reports/annual?fiscalYear=2019");
        Assert.Contains("data-testid=\"annual-report\"", page);
        Assert.Contains("class=\"site-header\"", page);
    }
}
