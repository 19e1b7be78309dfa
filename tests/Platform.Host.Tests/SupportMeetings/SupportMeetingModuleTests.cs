using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Tenancy;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Host.Tests.SupportMeetings;

/// <summary>The Aomori.SupportMeetings module on the demo tenant: its body from the 5W1H, the steering-committee rule,
/// the roll-out, the comparison.</summary>
public class SupportMeetingModuleTests : PlatformTest
{
    private const string Api = "/aomori/api";

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string url, object body)
    {
        var answer = await Client.PostAsJsonAsync(url, body);
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task The_demo_model_districts_are_at_step_four_and_the_network_meeting_counts_with_its_promoters()
    {
        var board = (await JsonAsync($"{Api}/support-meetings/rollout")).EnumerateArray().ToList();
        Assert.Equal(
            ["aomori-shinjo", "aomori-ono"],
            board.Take(2).Select(r => r.GetProperty("districtId").GetString())
        );
        Assert.All(board.Take(2), r => Assert.Equal(4, r.GetProperty("reached").GetInt32()));
        Assert.All(board.Skip(2), r => Assert.Equal(0, r.GetProperty("reached").GetInt32()));

        var shinjo = await JsonAsync($"{Api}/districts/aomori-shinjo/support-meeting");
        var linked = shinjo.GetProperty("linkedMeetings")[0];
        Assert.Equal("2018-11-22", linked.GetProperty("date").GetString());
        Assert.Equal(2, linked.GetProperty("carriers").GetArrayLength());
        var cadence = await JsonAsync($"{Api}/districts/aomori-shinjo/cadence?fiscalYear=2018");
        Assert.Contains(
            cadence.GetProperty("meetings").EnumerateArray(),
            m => m.GetProperty("id").GetString() == "aomori-shinjo-network-h30"
        );
    }

    [Fact]
    public async Task A_district_that_wants_a_steering_committee_first_refuses_a_support_meeting_until_one_is_held()
    {
        var settings = await Client.PutAsJsonAsync(
            $"{Api}/districts/aomori-aburakawa/modules/Aomori.SupportMeetings/settings",
            new { requireSteeringCommitteeFirst = true }
        );
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var (created, body) = await PostAsync($"{Api}/districts/aomori-aburakawa/support-meeting", new { });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.StartsWith(
            "地域住民の主体的な課題解決力を強化し",
            body.GetProperty("charter").GetProperty("why").GetString()
        );
        Assert.Equal(
            (3, 4, true),
            (
                body.GetProperty("cadence").GetProperty("atLeast").GetInt32(),
                body.GetProperty("cadence").GetProperty("atMost").GetInt32(),
                body.GetProperty("cadence").GetProperty("meetEvenWithoutCase").GetBoolean()
            )
        );
        var host = await JsonAsync($"{Api}/organisations/{body.GetProperty("hostOrganisationId").GetString()}");
        Assert.Equal(
            ("油川地区社会福祉協議会", "district-swc"),
            (host.GetProperty("name").GetString(), host.GetProperty("typeId").GetString())
        );
        Assert.Equal(
            "support_meeting.exists",
            (await PostAsync($"{Api}/districts/aomori-aburakawa/support-meeting", new { }))
                .Json.GetProperty("code")
                .GetString()
        );

        var (refused, problem) = await PostAsync(
            $"{Api}/districts/aomori-aburakawa/support-meeting/meetings",
            new { date = "2026-04-20" }
        );
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("support_meeting.steering_committee_first", problem.GetProperty("code").GetString());
        Assert.Contains("幹事会", problem.GetProperty("detail").GetString());
        Assert.Empty((await JsonAsync($"{Api}/meetings?districtId=aomori-aburakawa")).EnumerateArray());

        var (_, committee) = await PostAsync(
            $"{Api}/districts/aomori-aburakawa/support-meeting/meetings",
            new
            {
                date = "2026-04-10",
                kind = "steering-committee",
                title = "油川地区 幹事会",
            }
        );
        Assert.Equal(
            "support_meeting.steering_committee_first",
            (await PostAsync($"{Api}/districts/aomori-aburakawa/support-meeting/meetings", new { date = "2026-04-20" }))
                .Json.GetProperty("code")
                .GetString()
        );
        await PostAsync($"{Api}/meetings/{committee.GetProperty("id").GetString()}/status", new { status = "held" });

        var (allowed, meeting) = await PostAsync(
            $"{Api}/districts/aomori-aburakawa/support-meeting/meetings",
            new { date = "2026-04-20" }
        );
        Assert.Equal(HttpStatusCode.Created, allowed);
        await PostAsync($"{Api}/meetings/{meeting.GetProperty("id").GetString()}/status", new { status = "held" });
        var row = (await JsonAsync($"{Api}/support-meetings/rollout"))
            .EnumerateArray()
            .Single(r => r.GetProperty("districtId").GetString() == "aomori-aburakawa");
        Assert.Equal(0, row.GetProperty("reached").GetInt32());
        Assert.Equal(
            ["officersMeeting", "briefing"],
            row.GetProperty("unrecorded").EnumerateArray().Select(s => s.GetString())
        );
    }

    [Fact]
    public async Task Roll_out_steps_are_recorded_in_order_and_a_skipped_step_is_refused()
    {
        var (skipped, problem) = await PostAsync(
            $"{Api}/districts/aomori-tsutsui/support-meeting/rollout",
            new { step = 2 }
        );
        Assert.Equal(HttpStatusCode.Conflict, skipped);
        Assert.Equal("rollout.step_skipped", problem.GetProperty("code").GetString());

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await PostAsync(
                    $"{Api}/districts/aomori-tsutsui/support-meeting/rollout",
                    new { step = 1, date = "令和8年4月15日" }
                )
            ).Status
        );
        var (_, state) = await PostAsync(
            $"{Api}/districts/aomori-tsutsui/support-meeting/rollout",
            new { step = "briefing", date = "2026-05-20" }
        );
        Assert.Equal(2, state.GetProperty("reached").GetInt32());
        Assert.Equal(
            "2026-04-15",
            state.GetProperty("steps").GetProperty("officersMeeting").GetProperty("date").GetString()
        );
    }

    [Fact]
    public async Task Where_the_module_is_off_its_routes_answer_404_and_its_rules_and_templates_are_not_applied()
    {
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.DeleteAsync($"{Api}/districts/aomori-namioka/modules/Aomori.SupportMeetings")).StatusCode
        );

        var off = await Client.PostAsJsonAsync(
            $"{Api}/districts/aomori-namioka/support-meeting/meetings",
            new { date = "2026-04-20" }
        );
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal("module.disabled", await off.ProblemCodeAsync());
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Client.GetAsync($"{Api}/districts/aomori-namioka/support-meeting")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync($"{Api}/districts/aomori-ono/support-meeting")).StatusCode
        );

        var namiokaBody = (
            await PostAsync($"{Api}/bodies", new { name = "浪岡地区 協議体", districtId = "aomori-namioka" })
        )
            .Json.GetProperty("id")
            .GetString();
        var namiokaMeeting = (
            await PostAsync(
                $"{Api}/meetings",
                new
                {
                    bodyId = namiokaBody,
                    date = "2026-04-20",
                    kind = "regular",
                }
            )
        ).Json.GetProperty("id").GetString();
        Assert.Empty((await JsonAsync($"{Api}/meetings/{namiokaMeeting}/agenda-templates")).EnumerateArray());
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (
                await Client.PostAsJsonAsync(
                    $"{Api}/meetings/{namiokaMeeting}/agenda/from-template",
                    new { templateId = "aomori.example-topics" }
                )
            ).StatusCode
        );

        var shinjoMeeting = (
            await PostAsync($"{Api}/meetings", new { bodyId = "aomori-shinjo-support", date = "2026-12-10" })
        )
            .Json.GetProperty("id")
            .GetString();
        var (added, entries) = await PostAsync(
            $"{Api}/meetings/{shinjoMeeting}/agenda/from-template",
            new { templateId = "aomori.example-topics" }
        );
        Assert.Equal(HttpStatusCode.Created, added);
        Assert.Equal(
            "「困りごと」の相談先の情報共有",
            entries[0].GetProperty("agendaItem").GetProperty("title").GetString()
        );
        Assert.Equal(
            5,
            (await JsonAsync($"{Api}/meetings/{shinjoMeeting}/record"))
                .GetProperty("record")
                .GetProperty("agenda")
                .GetArrayLength()
        );
    }

    [Fact]
    public async Task The_comparison_of_the_model_districts_comes_from_the_data()
    {
        var rows = (await JsonAsync($"{Api}/support-meetings/comparison")).EnumerateArray().ToList();

        Assert.Equal(
            ["新城地区社会福祉協議会", "大野地区社会福祉協議会"],
            rows.Select(r => r.GetProperty("hostName").GetString())
        );
        Assert.Contains("地域支援ネットワーク会議", rows[0].GetProperty("howRun")[0].GetString());
        Assert.Equal(
            ["金融機関", "郵便局", "交番"],
            rows[0].GetProperty("characteristicScope").EnumerateArray().Select(s => s.GetString())
        );
        Assert.Contains("幹事会での検討", rows[1].GetProperty("howRun")[0].GetString());
        Assert.Equal(
            ["防犯団体", "PTA", "医療機関"],
            rows[1].GetProperty("characteristicScope").EnumerateArray().Select(s => s.GetString())
        );

        // The table follows the data: 新城 stops counting the network meeting, and its row says so.
        await Client.PatchAsJsonAsync(
            $"{Api}/bodies/aomori-shinjo-support",
            new { countedBodyIds = Array.Empty<string>() }
        );
        var after = (await JsonAsync($"{Api}/support-meetings/comparison")).EnumerateArray().First();
        Assert.DoesNotContain("ネットワーク", after.GetProperty("howRun")[0].GetString());
    }

    [Fact]
    public async Task A_body_of_another_tenant_cannot_be_counted_and_settings_flow_into_the_cadence()
    {
        var miyagiBody = await (
            await Client.PostAsJsonAsync(
                "/miyagi/api/bodies",
                new
                {
                    name = "県北部 情報交換会",
                    territory = "region",
                    districtId = "miyagi-north",
                    tier = 1,
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await Client.PatchAsJsonAsync(
            $"{Api}/bodies/aomori-shinjo-support",
            new { countedBodyIds = new[] { miyagiBody.GetProperty("id").GetString() } }
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("body.not_found", await refused.ProblemCodeAsync());
        Assert.Equal(
            ["aomori-shinjo-network"],
            (await JsonAsync($"{Api}/bodies/aomori-shinjo-support"))
                .GetProperty("countedBodyIds")
                .EnumerateArray()
                .Select(e => e.GetString())
        );

        await Client.PutAsJsonAsync(
            $"{Api}/districts/aomori-shinjo/modules/Aomori.SupportMeetings/settings",
            new { minMeetingsPerFiscalYear = "２" }
        );
        Assert.Equal(
            2,
            (await JsonAsync($"{Api}/bodies/aomori-shinjo-support"))
                .GetProperty("cadence")
                .GetProperty("atLeast")
                .GetInt32()
        );
    }
}

public class SupportMeetingInAnotherCityTests : PlatformTest
{
    [Fact]
    public async Task Another_city_switches_the_module_on_and_uses_it_as_it_is()
    {
        await Platform
            .Services.GetRequiredService<TenantRegistry>()
            .CreateAsync(new NewTenant("hirosaki", "弘前市", TenantKind.Municipality, "022021"));
        await Client.PostAsJsonAsync("/hirosaki/api/districts", new { name = "城東", id = "x" });
        var district = (await JsonAsync("/hirosaki/api/districts"))[0].GetProperty("id").GetString();
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PutAsync("/hirosaki/api/modules/Aomori.SupportMeetings", null)).StatusCode
        );

        var created = await Client.PostAsJsonAsync($"/hirosaki/api/districts/{district}/support-meeting", new { });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("城東地区 地域支え合い会議", body.GetProperty("name").GetString());
        Assert.DoesNotContain(
            (await JsonAsync("/aomori/api/bodies")).EnumerateArray(),
            b => b.GetProperty("name").GetString()!.StartsWith("城東")
        );
        var board = (await JsonAsync("/hirosaki/api/support-meetings/rollout")).EnumerateArray().Single();
        Assert.Equal(district, board.GetProperty("districtId").GetString());
    }
}
