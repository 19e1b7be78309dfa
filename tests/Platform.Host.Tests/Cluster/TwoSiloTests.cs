using System.Net;
using System.Text.Json;
using Dapper;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Cluster;

/// <summary>Two hosts as separate processes on one PostgreSQL database form one Orleans cluster.</summary>
public class TwoSiloTests
{
    private const string Meetings = "Aomori.SupportMeetings";

    [Fact]
    public async Task Two_hosts_share_each_districts_grain_and_see_each_others_switches()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        string[] Silo() =>
            [
                .. database.HostArguments,
                "--Silo:Clustering=Database",
                "--Silo:ClusterId=two-silos",
                $"--Silo:SiloPort={FreePorts.Next()}",
                $"--Silo:GatewayPort={FreePorts.Next()}",
            ];
        await using var first = await HostProcess.StartAsync(Silo());
        await using var second = await HostProcess.StartAsync(Silo());

        Assert.Equal(
            HttpStatusCode.OK,
            (await first.Client.DeleteAsync($"/aomori/api/districts/aomori-shinjo/modules/{Meetings}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await second.Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
        );

        // Switches of one district through both hosts at once: the single activation applies them all.
        var both = await Task.WhenAll(
            first.Client.DeleteAsync($"/aomori/api/districts/aomori-ono/modules/{Meetings}"),
            second.Client.PutAsync($"/aomori/api/districts/aomori-shinjo/modules/{Meetings}", null),
            second.Client.DeleteAsync($"/aomori/api/districts/aomori-tsutsui/modules/{Meetings}")
        );
        Assert.All(both, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        foreach (var host in new[] { first, second })
        {
            Assert.Equal(
                HttpStatusCode.OK,
                (await host.Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
            );
            Assert.Equal(
                HttpStatusCode.NotFound,
                (await host.Client.GetAsync("/aomori/districts/aomori-ono/support-meetings")).StatusCode
            );
            Assert.Equal(
                HttpStatusCode.NotFound,
                (await host.Client.GetAsync("/aomori/districts/aomori-tsutsui/support-meetings")).StatusCode
            );
        }

        await using var connection = await database.Open().OpenAsync();
        var membership = JsonDocument.Parse(
            await connection.ExecuteScalarAsync<string>(
                "SELECT payload FROM orleans_membership WHERE cluster_id = 'two-silos'"
            ) ?? "{}"
        );
        Assert.Equal(
            2,
            membership
                .RootElement.GetProperty("members")
                .EnumerateArray()
                .Count(m => m.GetProperty("status").GetInt32() == (int)SiloStatus.Active)
        );
    }
}
