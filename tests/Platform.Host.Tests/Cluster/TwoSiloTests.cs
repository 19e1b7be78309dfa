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

        // A person signed in on one host is signed in on the other: one key ring, in the platform database.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(first.BaseUrl),
        };
        var (signedIn, cookies) = await FormSignIn.PostAsync(browser, "aomori-coordinator", TestAuth.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, $"{second.BaseUrl}/aomori/meetings");
        elsewhere.Headers.Add("Cookie", cookies);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(elsewhere)).StatusCode);

        await using var connection = await database.Open().OpenAsync();
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM data_protection_keys") > 0);
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
