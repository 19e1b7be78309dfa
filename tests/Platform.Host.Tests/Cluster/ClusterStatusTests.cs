using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Cluster;

/// <summary>
/// 「クラスタの状態」 and <c>GET /api/cluster</c> on the embedded default (one silo, localhost clustering): the platform
/// administrator's alone, and with the metrics endpoint off by default.
/// </summary>
public sealed class ClusterStatusTests(SharedPlatform shared) : SharedPlatformTest(shared)
{
    private const string Meeting = "aomori-shinjo-briefing-h30";

    [Fact]
    public async Task The_administrator_reads_the_one_silo_and_its_meeting_grains()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/aomori/api/meetings/{Meeting}/record")).StatusCode);

        var cluster = await JsonAsync("/api/cluster");

        Assert.Equal("sasaeai-local", cluster.GetProperty("clusterId").GetString());
        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
        Assert.Equal("active", silo.GetProperty("status").GetString());
        Assert.True(silo.GetProperty("activations").GetInt32() > 0);
        Assert.True(silo.GetProperty("lastAliveAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));
        var meetings = cluster
            .GetProperty("grains")
            .EnumerateArray()
            .Single(g => g.GetProperty("kind").GetString() == "MeetingGrain");
        Assert.True(meetings.GetProperty("activations").GetInt32() >= 1);
        Assert.Equal(silo.GetProperty("address").GetString(), meetings.GetProperty("silo").GetString());
        Assert.Empty(cluster.GetProperty("failovers").EnumerateArray());

        var page = await Client.GetAsync("/aomori/admin/cluster");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>クラスタの状態</h1>", html);
        Assert.Contains(silo.GetProperty("address").GetString()!, html);
        Assert.Contains("稼働中", html);
        Assert.Contains("会議（MeetingGrain）", html);
        Assert.Contains("aria-current=\"page\">クラスタの状態</a>", html);
    }

    [Fact]
    public async Task A_tenant_admin_is_refused_and_not_shown_the_link()
    {
        var tenantAdmin = await Platform.ClientForAsync("aomori-admin");

        var api = await tenantAdmin.GetAsync("/api/cluster");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("auth.forbidden", await api.ProblemCodeAsync());
        var page = await tenantAdmin.GetAsync("/aomori/admin/cluster");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("auth.forbidden", await page.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Platform.NewClient().GetAsync("/api/cluster")).StatusCode);

        Assert.DoesNotContain(
            "/aomori/admin/cluster",
            await (await tenantAdmin.GetAsync("/aomori/")).Content.ReadAsStringAsync()
        );
        Assert.Contains(
            "href=\"/aomori/admin/cluster\"",
            await (await Client.GetAsync("/aomori/")).Content.ReadAsStringAsync()
        );
    }

    [Fact]
    public async Task Metrics_are_off_by_default()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.NewClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/metrics")).StatusCode);
    }
}

/// <summary>
/// The same on <c>Silo:Clustering=Database</c> (PostgreSQL): the silo read from our membership table, and a silo the
/// others declared dead shown among the failovers with who suspected it and when.
/// </summary>
public sealed class ClusterOnDatabaseTests
{
    [SkippableFact]
    public async Task A_silo_declared_dead_is_shown_with_its_suspicions()
    {
        await using var database = await SeededDatabases.CreateAsync(DatabaseProvider.Postgres);
        await using var platform = await TestPlatform.StartAsync(
            database,
            realPort: false,
            "--Silo:Clustering=Database",
            "--Silo:ClusterId=observed"
        );
        var membership = (IMembershipTable)platform.Services.GetService(typeof(IMembershipTable))!;
        var before = await membership.ReadAllAsync();
        var live = before.Members.Single(m => m.Item1.Status == SiloStatus.Active).Item1.SiloAddress;
        var killedAt = DateTime.UtcNow.AddSeconds(-30);
        var gone = new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 1), 1),
            Status = SiloStatus.Dead,
            HostName = "host-c",
            SiloName = "host-c",
            StartTime = killedAt.AddHours(-1),
            IAmAliveTime = killedAt.AddSeconds(-5),
            SuspectTimes = [Tuple.Create(live, killedAt)],
        };
        Assert.True(await membership.InsertRowAsync(gone, before.Version.Next()));

        var cluster = await platform.Client.GetFromJsonAsync<JsonElement>("/api/cluster");

        Assert.Equal("observed", cluster.GetProperty("clusterId").GetString());
        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
        Assert.Equal(live.ToParsableString(), silo.GetProperty("address").GetString());
        Assert.Equal("active", silo.GetProperty("status").GetString());
        var failover = Assert.Single(cluster.GetProperty("failovers").EnumerateArray());
        Assert.Equal(gone.SiloAddress.ToParsableString(), failover.GetProperty("address").GetString());
        Assert.Equal("failure", failover.GetProperty("cause").GetString());
        Assert.Equal(killedAt, failover.GetProperty("leftAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromSeconds(1));
        var vote = Assert.Single(failover.GetProperty("suspectedBy").EnumerateArray());
        Assert.Equal(live.ToParsableString(), vote.GetProperty("by").GetString());

        var page = await (await platform.Client.GetAsync("/aomori/admin/cluster")).Content.ReadAsStringAsync();
        Assert.Contains("host-c", page);
        Assert.Contains("障害", page);
    }
}
