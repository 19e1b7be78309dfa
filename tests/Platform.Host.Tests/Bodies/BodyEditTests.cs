using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.Tests.Bodies;

/// <summary>
/// Cadence by kinds on the demo data, the PATCH routes of bodies and organisations (codes, tenants, audit) and the
/// edit forms that post without JavaScript.
/// </summary>
public class BodyEditTests : PlatformTest
{
    private const string Shinjo = "aomori-shinjo-support";

    private Task<HttpClient> AsAsync(string userName) => Platform.ClientForAsync(userName);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage answer) =>
        await answer.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task The_demo_briefings_no_longer_count_towards_the_year_and_the_network_meeting_still_does()
    {
        var admin = await AsAsync("aomori-admin");
        var shinjo = await admin.GetFromJsonAsync<JsonElement>($"/aomori/api/bodies/{Shinjo}/cadence?fiscalYear=2018");
        // 新城 held a 説明会 and its network meeting in H30: only the network meeting is one of its meetings.
        Assert.Equal(1, shinjo.GetProperty("result").GetProperty("held").GetInt32());
        var ono = await admin.GetFromJsonAsync<JsonElement>(
            "/aomori/api/bodies/aomori-ono-support/cadence?fiscalYear=2018"
        );
        Assert.Equal(0, ono.GetProperty("result").GetProperty("held").GetInt32());
        var district = await admin.GetFromJsonAsync<JsonElement>(
            "/aomori/api/districts/aomori-shinjo/cadence?fiscalYear=2018"
        );
        var counted = district.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetString());
        Assert.Equal(["aomori-shinjo-network-h30"], counted);

        // A body that names the 説明会 among its kinds counts it again.
        var changed = await admin.PatchAsJsonAsync(
            $"/aomori/api/bodies/{Shinjo}",
            new { countedKinds = new[] { "regular", "network-meeting", "briefing" } }
        );
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(3, (await ReadAsync(changed)).GetProperty("countedKinds").GetArrayLength());
        shinjo = await admin.GetFromJsonAsync<JsonElement>($"/aomori/api/bodies/{Shinjo}/cadence?fiscalYear=2018");
        Assert.Equal(2, shinjo.GetProperty("result").GetProperty("held").GetInt32());

        // Naming only 定例会議 leaves the network meeting out too; an empty list restores the default.
        await admin.PatchAsJsonAsync($"/aomori/api/bodies/{Shinjo}", new { countedKinds = new[] { "regular" } });
        shinjo = await admin.GetFromJsonAsync<JsonElement>($"/aomori/api/bodies/{Shinjo}/cadence?fiscalYear=2018");
        Assert.Equal(0, shinjo.GetProperty("result").GetProperty("held").GetInt32());
        await admin.PatchAsJsonAsync($"/aomori/api/bodies/{Shinjo}", new { countedKinds = Array.Empty<string>() });
        var body = await admin.GetFromJsonAsync<JsonElement>($"/aomori/api/bodies/{Shinjo}");
        Assert.Equal(0, body.GetProperty("countedKinds").GetArrayLength());
        Assert.Equal("aomori-shinjo-network", body.GetProperty("countedBodyIds")[0].GetString());
    }

    [Fact]
    public async Task A_body_patch_is_refused_with_stable_codes_kept_to_its_tenant_and_audited()
    {
        var admin = await AsAsync("aomori-admin");
        var unknown = await admin.PatchAsJsonAsync(
            $"/aomori/api/bodies/{Shinjo}",
            new { countedKinds = new[] { "no-such-kind" } }
        );
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body.unknown_kind", (await ReadAsync(unknown)).GetProperty("code").GetString());
        var itself = await admin.PatchAsJsonAsync(
            $"/aomori/api/bodies/{Shinjo}",
            new { countedBodyIds = new[] { Shinjo } }
        );
        Assert.Equal("body.counts_itself", (await ReadAsync(itself)).GetProperty("code").GetString());

        var miyagi = await AsAsync("miyagi-admin");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await miyagi.PatchAsJsonAsync($"/aomori/api/bodies/{Shinjo}", new { name = "乗っ取り" })).StatusCode
        );
        var elsewhere = await miyagi.PatchAsJsonAsync($"/miyagi/api/bodies/{Shinjo}", new { name = "乗っ取り" });
        Assert.Equal("body.not_found", (await ReadAsync(elsewhere)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await miyagi.GetAsync($"/aomori/bodies/{Shinjo}/edit")).StatusCode);

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await admin.PatchAsJsonAsync($"/aomori/api/bodies/{Shinjo}", new { countedKinds = new[] { "regular" } })
            ).StatusCode
        );
        var log = await admin.GetFromJsonAsync<JsonElement>("/aomori/api/audit?limit=1000");
        var patches = log.EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "PATCH")
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("status").GetInt32()))
            .ToList();
        Assert.Equal([($"/aomori/api/bodies/{Shinjo}", 200)], patches);
    }

    [Fact]
    public async Task An_organisations_contact_is_checked_kept_when_not_sent_and_cleared_when_emptied()
    {
        var admin = await AsAsync("aomori-admin");
        const string url = "/aomori/api/organisations/aomori-shinjo-swc";
        var refused = await admin.PatchAsJsonAsync(
            url,
            new { name = "新城地区社会福祉協議会", contact = new { phone = "電話してください", email = "at-nowhere" } }
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ReadAsync(refused);
        Assert.Equal("validation.failed", problem.GetProperty("code").GetString());
        var codes = problem.GetProperty("fieldCodes");
        Assert.Equal("organisation.invalid_phone", codes.GetProperty("contact.phone").GetString());
        Assert.Equal("organisation.invalid_email", codes.GetProperty("contact.email").GetString());

        var saved = await admin.PatchAsJsonAsync(
            url,
            new
            {
                name = "新城地区社会福祉協議会",
                contact = new
                {
                    phone = "０１７－７３４－００００",
                    email = "shinjo@example.jp",
                    address = "青森市新城字山田",
                    person = "事務局 山田",
                },
            }
        );
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("017-734-0000", (await ReadAsync(saved)).GetProperty("contact").GetProperty("phone").GetString());

        // A change without a contact (the older clients) keeps it.
        await admin.PatchAsJsonAsync(url, new { name = "新城地区社会福祉協議会（新城地区社協）" });
        var kept = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("事務局 山田", kept.GetProperty("contact").GetProperty("person").GetString());

        var cleared = await admin.PatchAsJsonAsync(
            url,
            new { name = "新城地区社会福祉協議会", contact = new { phone = "" } }
        );
        Assert.Equal(JsonValueKind.Null, (await ReadAsync(cleared)).GetProperty("contact").ValueKind);

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await (await AsAsync("miyagi-admin")).PatchAsJsonAsync(url, new { name = "x" })).StatusCode
        );
    }

    [Fact]
    public async Task The_body_form_posts_without_javascript_and_answers_refusals_next_to_their_fields()
    {
        var admin = await AsAsync("aomori-admin");
        var form = await admin.GetStringAsync($"/aomori/bodies/{Shinjo}/edit");
        Assert.Contains("開催回数に数える会議の種類", form);
        Assert.Contains("value=\"aomori-shinjo-network\"", form);

        var refused = await admin.PostAsync(
            $"/aomori/bodies/{Shinjo}/edit",
            new FormUrlEncodedContent([new("name", ""), new("atLeast", "三回"), new("territory", "district")])
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"name-error\"", page);
        Assert.Contains("協議体の名称を200文字以内で入力してください。", page);
        Assert.Contains("年度あたりの開催回数は数字（例：3）で入力してください。", page);

        var saved = await admin.PostAsync(
            $"/aomori/bodies/{Shinjo}/edit",
            new FormUrlEncodedContent([
                new("name", "新城地区 地域支え合い会議"),
                new("tier", "2"),
                new("territory", "district"),
                new("districtId", "aomori-shinjo"),
                new("status", "Active"),
                new("atLeast", "３"),
                new("atMost", "4"),
                new("meetEvenWithoutCase", "true"),
                new("countedKinds", "regular"),
                new("countedKinds", "briefing"),
            ])
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/aomori/bodies/{Shinjo}/edit?saved=true", saved.Headers.Location?.OriginalString);
        var body = await admin.GetFromJsonAsync<JsonElement>($"/aomori/api/bodies/{Shinjo}");
        Assert.Equal(
            ["regular", "briefing"],
            body.GetProperty("countedKinds").EnumerateArray().Select(k => k.GetString())
        );
        // No counted body ticked: 新城 no longer counts the network meeting.
        Assert.Equal(0, body.GetProperty("countedBodyIds").GetArrayLength());
        Assert.Equal(3, body.GetProperty("cadence").GetProperty("atLeast").GetInt32());

        var log = await admin.GetFromJsonAsync<JsonElement>("/aomori/api/audit?limit=1000");
        Assert.Contains(
            log.EnumerateArray(),
            e =>
                e.GetProperty("action").GetString() == "POST"
                && e.GetProperty("path").GetString() == $"/aomori/bodies/{Shinjo}/edit"
                && e.GetProperty("status").GetInt32() == 302
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await (await AsAsync("aomori-viewer")).GetAsync($"/aomori/bodies/{Shinjo}/edit")).StatusCode
        );
    }

    [Fact]
    public async Task The_dashboard_names_districts_without_a_body_and_lists_past_years_summaries_apart()
    {
        var rows = await (await AsAsync("aomori-admin")).GetFromJsonAsync<JsonElement>("/aomori/api/dashboard");
        var byDistrict = rows.EnumerateArray()
            .ToDictionary(r => r.GetProperty("cadence").GetProperty("districtId").GetString()!);
        Assert.Equal("nobody", byDistrict["aomori-tsutsui"].GetProperty("cadence").GetProperty("status").GetString());
        var shinjo = byDistrict["aomori-shinjo"];
        Assert.Equal(0, shinjo.GetProperty("summariesMissing").GetArrayLength());
        Assert.Contains(
            shinjo.GetProperty("pastSummariesMissing").EnumerateArray(),
            m => m.GetProperty("id").GetString() == "aomori-shinjo-briefing-h30"
        );

        var page = await (await AsAsync("aomori-admin")).GetStringAsync("/aomori/dashboard");
        Assert.Contains("協議体なし", page);
        Assert.Contains("過去の年度の概要未確定", page);
    }
}
