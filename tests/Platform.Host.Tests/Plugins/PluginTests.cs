using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Plugins;

public class PluginTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static async Task<JsonElement> Plugin(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/plugins"))
            .EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == id);

    [Fact]
    public async Task The_two_samples_load_and_work_where_enabled_and_are_404_elsewhere()
    {
        using var plugins = new StagedPlugins();
        plugins.Add("plugins/Sample.AnnualReport");
        plugins.Add("plugins/Sample.SeniorsClubMeeting");
        await using var host = await TestPlatform.StartAsync(_database, false, plugins.HostArguments);
        var client = host.Client;
        Assert.Equal(
            "loaded",
            (await Plugin(client, "Sample.SeniorsClubMeeting")).GetProperty("state").GetString()!.ToLowerInvariant()
        );

        await client.PutAsync("/aomori/api/modules/Sample.SeniorsClubMeeting", null);
        await client.DeleteAsync("/aomori/api/districts/aomori-ono/modules/Sample.SeniorsClubMeeting");
        var created = await client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = "aomori-shinjo-support",
                kind = "sample.seniors-club-liaison",
                date = "2019-06-12",
                extra = new { clubName = "新城長寿会", membershipCount = "４２" },
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("42", meeting.GetProperty("extra").GetProperty("membershipCount").GetString());
        await client.PostAsJsonAsync(
            $"/aomori/api/meetings/{meeting.GetProperty("id").GetString()}/status",
            new { status = "held" }
        );
        var summary = await client.GetStringAsync(
            $"/aomori/api/meetings/{meeting.GetProperty("id").GetString()}/minutes?format=html"
        );
        Assert.Contains("老人クラブ会員数", summary);
        Assert.Contains("新城長寿会", summary);
        Assert.Contains(
            meeting.GetProperty("id").GetString()!,
            await client.GetStringAsync("/aomori/districts/aomori-shinjo/seniors-club")
        );

        var missing = await client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = "aomori-shinjo-support",
                kind = "sample.seniors-club-liaison",
                date = "2019-06-13",
            }
        );
        Assert.Equal("meeting.extra_required", await missing.ProblemCodeAsync());
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync("/aomori/districts/aomori-ono/seniors-club")).StatusCode
        );
        var elsewhere = await client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = "aomori-ono-support",
                kind = "sample.seniors-club-liaison",
                date = "2019-06-12",
                extra = new { clubName = "大野長生会", membershipCount = "30" },
            }
        );
        Assert.Equal("meeting.unknown_kind", await elsewhere.ProblemCodeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/aomori/reports/annual")).StatusCode);
        await client.PutAsync("/aomori/api/modules/Sample.AnnualReport", null);
        Assert.Contains(
            "data-testid=\"annual-report\"",
            await client.GetStringAsync("/aomori/reports/annual?fiscalYear=2018")
        );
        var csv = await client.GetByteArrayAsync("/aomori/api/reports/annual.csv?fiscalYear=2019");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("青森市,022012,2019年度,第2層,1,0", Encoding.UTF8.GetString(csv));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/miyagi/reports/annual")).StatusCode);
    }

    [Fact]
    public async Task Plugins_not_allowed_built_for_another_SDK_or_throwing_at_start_up_are_refused_and_the_host_carries_on()
    {
        using var plugins = new StagedPlugins();
        plugins.Add("plugins/Sample.SeniorsClubMeeting", allow: false);
        var wrongSdk = plugins.Add("plugins/Sample.AnnualReport");
        var manifest = Path.Combine(wrongSdk, "plugin.json");
        await File.WriteAllTextAsync(
            manifest,
            (await File.ReadAllTextAsync(manifest)).Replace(">=2.0.0 <3.0.0", ">=3.0.0 <4.0.0")
        );
        plugins.Add("tests/Plugins/Faulty.Startup");
        plugins.Add("tests/Plugins/Faulty.Handler");
        await using var host = await TestPlatform.StartAsync(_database, false, plugins.HostArguments);
        var client = host.Client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Contains(
            "許可リスト",
            (await Plugin(client, "Sample.SeniorsClubMeeting")).GetProperty("reason").GetString()
        );
        Assert.Contains(
            "SDK >=3.0.0 <4.0.0",
            (await Plugin(client, "Sample.AnnualReport")).GetProperty("reason").GetString()
        );
        var startup = await Plugin(client, "Faulty.Startup");
        Assert.Equal(
            ("faulted", true),
            (
                startup.GetProperty("state").GetString()!.ToLowerInvariant(),
                startup.GetProperty("reason").GetString()!.Contains("broken on purpose")
            )
        );
        var admin = await client.GetStringAsync("/aomori/admin/modules");
        Assert.Contains("運用者の許可リスト（Plugins:Allowed）にありません。", admin);
        Assert.Contains("障害で停止", admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aomori/api/districts")).StatusCode);

        await client.PutAsync("/aomori/api/modules/Faulty.Handler", null);
        Assert.Equal("ok", await client.GetStringAsync("/aomori/faulty/ok"));
        var held = await client.PostAsJsonAsync(
            "/aomori/api/meetings/aomori-shinjo-network-h30/status",
            new { status = "minutesApproved" }
        );
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var reopened = await client.PostAsJsonAsync(
            "/aomori/api/meetings/aomori-shinjo-network-h30/status",
            new { status = "held", reason = "訂正のため" }
        );
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Contains("イベント処理", (await Plugin(client, "Faulty.Handler")).GetProperty("reason").GetString());
        var afterwards = await client.GetAsync("/aomori/faulty/ok");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterwards.StatusCode);
        var problem = await afterwards.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("plugin.faulted", "Faulty.Handler"),
            (problem.GetProperty("code").GetString(), problem.GetProperty("plugin").GetString())
        );
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_plugin_endpoint_that_throws_answers_503_naming_the_plugin_and_nothing_else_is_affected()
    {
        using var plugins = new StagedPlugins();
        plugins.Add("tests/Plugins/Faulty.Handler");
        await using var host = await TestPlatform.StartAsync(_database, false, plugins.HostArguments);
        var client = host.Client;
        await client.PutAsync("/aomori/api/modules/Faulty.Handler", null);

        var boom = await client.GetAsync("/aomori/faulty/boom");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, boom.StatusCode);
        Assert.Equal("plugin.faulted", await boom.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/aomori/faulty/ok")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aomori/api/districts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
