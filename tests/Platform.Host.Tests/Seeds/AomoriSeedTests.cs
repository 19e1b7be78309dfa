using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Seeds;

/// <summary>One demo host for the class: its tests read what the seed loaded, and the one that writes plans a target
/// in a district the others do not read.</summary>
public sealed class AomoriDemoHost : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// The Aomori demo says what its source document says (aomori-support-meetings.txt): the city's own meeting kept to
/// its month, the roll-out's targets, 大野's 幹事会 as a body with a held meeting, each meeting's convening as it was,
/// and attributed opinions with their organisation.
/// </summary>
public sealed class AomoriSeedTests(AomoriDemoHost host) : IClassFixture<AomoriDemoHost>
{
    private const string Api = "/aomori/api";
    private HttpClient Client => host.Platform.Client;

    private async Task<JsonElement> JsonAsync(string url) => await Client.GetFromJsonAsync<JsonElement>(url);

    [Fact]
    public async Task The_city_meeting_of_February_H31_keeps_its_month_and_no_invented_day()
    {
        var meeting = await JsonAsync($"{Api}/meetings/aomori-city-chairs-meeting-h30");
        Assert.Equal("地区社協会長・事務担当者会議", meeting.GetProperty("title").GetString());
        Assert.Equal("平成３１年２月", meeting.GetProperty("dateJapanese").GetString());
        Assert.Equal("month", meeting.GetProperty("datePrecision").GetString());
        Assert.Equal("held", meeting.GetProperty("status").GetString());
        var record = await JsonAsync($"{Api}/meetings/aomori-city-chairs-meeting-h30/record");
        Assert.Contains("地域支え合い会議の取組について説明", record.ToString());

        var board = await Client.GetStringAsync("/aomori/support-meetings/rollout");
        Assert.Contains("平成３１年２月　地区社協会長・事務担当者会議", board);
        Assert.DoesNotContain("平成３１年２月１日", board);
    }

    [Fact]
    public async Task The_board_has_a_target_month_per_step_and_marks_the_one_district_behind()
    {
        var rows = (await JsonAsync($"{Api}/support-meetings/rollout")).EnumerateArray().ToList();
        var late = rows.Where(r => r.GetProperty("late").GetArrayLength() > 0).ToList();
        Assert.Equal("aomori-aburakawa", Assert.Single(late).GetProperty("districtId").GetString());
        Assert.Equal("officersMeeting", late[0].GetProperty("late")[0].GetString());
        var tsutsui = rows.Single(r => r.GetProperty("districtId").GetString() == "aomori-tsutsui");
        Assert.True(tsutsui.GetProperty("targets").TryGetProperty("officersMeeting", out _));

        var page = await Client.GetStringAsync("/aomori/support-meetings/rollout");
        Assert.Contains("遅れ", page);
        Assert.Contains("A4で印刷する", page);
    }

    [Fact]
    public async Task A_coordinator_plans_a_step_by_month_in_Japanese_and_a_wrong_month_is_refused()
    {
        var url = $"{Api}/districts/aomori-namioka/support-meeting/rollout/targets";
        var planned = await Client.PostAsJsonAsync(url, new { step = "３", month = "令和９年１月" });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var state = await planned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2027-01-01", state.GetProperty("targets").GetProperty("districtDecision").GetString());

        var wrong = await Client.PostAsJsonAsync(url, new { step = "1", month = "令和9年13月" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("rollout.invalid_month", await wrong.ProblemCodeAsync());
        var noStep = await Client.PostAsJsonAsync(url, new { step = "5", month = "2027-01" });
        Assert.Equal("rollout.step_required", await noStep.ProblemCodeAsync());

        using var viewer = await host.Platform.ClientForAsync("aomori-viewer");
        var refused = await viewer.PostAsJsonAsync(url, new { step = "1", month = "2027-01" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Ono_has_its_steering_committee_as_a_body_with_the_seeds_members_and_a_held_meeting()
    {
        var body = await JsonAsync($"{Api}/bodies/aomori-ono-steering");
        Assert.Equal("大野地区 幹事会", body.GetProperty("name").GetString());
        var organisations = (await JsonAsync($"{Api}/organisations")).EnumerateArray().ToList();
        var types = body.GetProperty("members")
            .EnumerateArray()
            .Select(m => m.GetProperty("organisationId").GetString())
            .Select(id => organisations.Single(o => o.GetProperty("id").GetString() == id))
            .Select(o => o.GetProperty("typeId").GetString()!)
            .ToHashSet();
        // 地区社協、町会、民児協、地域包括支援センター、障がい者団体、防犯団体、ＰＴＡ、医療機関 (今後の展開, 大野).
        string[] seed =
        [
            "district-swc",
            "neighbourhood-association",
            "welfare-commissioners",
            "community-support-centre",
            "disability-group",
            "crime-prevention",
            "pta",
            "medical-institution",
        ];
        Assert.Equal(seed.ToHashSet(), types);

        var meeting = await JsonAsync($"{Api}/meetings/aomori-ono-steering-h30");
        Assert.Equal("held", meeting.GetProperty("status").GetString());
        Assert.Equal("steering-committee", meeting.GetProperty("kind").GetString());
        Assert.Equal("平成３０年度（日付の記録なし）", meeting.GetProperty("dateJapanese").GetString());
        var ono = await JsonAsync($"{Api}/districts/aomori-ono/support-meeting");
        Assert.Equal(
            "aomori-ono-steering-h30",
            ono.GetProperty("rollout")
                .GetProperty("steps")
                .GetProperty("districtDecision")
                .GetProperty("meetingId")
                .GetString()
        );
    }

    [Theory]
    // 参集範囲 as the seed gives it for each meeting.
    [InlineData("aomori-ono-briefing-h30", "大野地区社協,町会,大野地区民児協,地域包括支援センター,市社協,青森市")]
    [InlineData("aomori-shinjo-briefing-h30", "新城地区社協,町会,新城地区民児協,地域包括支援センター,市社協,青森市")]
    [InlineData(
        "aomori-shinjo-network-h30",
        "新城地区社協,町会,新城地区民児協,地域包括支援センター,市社協,金融機関,郵便局,交番"
    )]
    public async Task Each_meeting_convenes_what_the_seed_lists_for_it_and_gives_no_reason_the_seed_does_not(
        string meetingId,
        string seedScope
    )
    {
        var meeting = await JsonAsync($"{Api}/meetings/{meetingId}");
        var convened = meeting.GetProperty("convened").EnumerateArray().ToList();
        Assert.Equal(seedScope.Split(',').Length, convened.Count);
        foreach (var term in seedScope.Split(','))
            Assert.Contains(convened, c => Matches(c, term));
        Assert.All(convened, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("reason").ValueKind));
    }

    // The seed names an organisation by its kind (町会) or its short name (大野地区社協, 市社協).
    private static bool Matches(JsonElement convened, string term) =>
        convened.GetProperty("name").GetString()!.Replace("社会福祉協議会", "社協").Contains(term)
        || convened.GetProperty("typeName").GetString()!.Contains(term);

    [Fact]
    public async Task Attributed_opinions_carry_their_organisation_and_the_summary_shows_it_as_the_seed_does()
    {
        var record = await JsonAsync($"{Api}/meetings/aomori-ono-briefing-h30/record");
        var opinions = record.GetProperty("record").GetProperty("opinions").EnumerateArray().ToList();
        Assert.Equal(2, opinions.Count);
        Assert.All(opinions, o => Assert.Equal("地区社協", o.GetProperty("organisation").GetString()));
        Assert.All(opinions, o => Assert.DoesNotContain("（地区社協）", o.GetProperty("text").GetString()));
        var shinjo = (await JsonAsync($"{Api}/meetings/aomori-shinjo-briefing-h30/record"))
            .GetProperty("record")
            .GetProperty("opinions");
        Assert.Equal(
            ["地区社協", "町会"],
            shinjo.EnumerateArray().Select(o => o.GetProperty("organisation").GetString())
        );

        var minutes = await Client.GetStringAsync($"{Api}/meetings/aomori-shinjo-briefing-h30/minutes?format=html");
        Assert.Contains("大変良い取組なので、協力していきたい（地区社協）", minutes);
    }
}
