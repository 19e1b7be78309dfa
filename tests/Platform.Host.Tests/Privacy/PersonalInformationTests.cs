using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Host.Tests.Privacy;

/// <summary>
/// Seeds known strings about residents at the personal levels and looks for them in the bytes of every output the
/// platform has, as staff without clearance, as the public, and in the public version; then checks the cleared
/// reader sees them (so the search is not vacuous), that each view is audited, and that withdrawal and retention hide
/// and erase them.
/// </summary>
public class PersonalInformationTests : PlatformTest
{
    private const string Meeting = "aomori-shinjo-briefing-h30";
    private const string CarePassword = "care-staff-password-2026";

    // Each carries an ASCII token too, so that a leak is found however the output encodes Japanese.
    private static readonly string[] Secrets =
    [
        "KOJIN-OPINION-7731",
        "山田花子",
        "KOJIN-COMMENT-4410",
        "鈴木一郎",
        "KOJIN-ACTION-9902",
        "KOJIN-HANDOUT",
        "KOJIN-FILE-5521",
    ];

    static PersonalInformationTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private sealed record Seeded(string OpinionId, string CommentId, string ActionId, string HandoutId);

    private Task<HttpClient> AsAsync(string userName, string password = TestAuth.DemoPassword) =>
        Platform.ClientForAsync(userName, password);

    private static async Task CreatedAsync(HttpResponseMessage response) =>
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );

    /// <summary>A coordinator of 新城 cleared for 要配慮個人情報 there, who records the meeting's personal items.</summary>
    private async Task<(HttpClient Care, Seeded Items)> SeedAsync()
    {
        var admin = await AsAsync("aomori-admin");
        // The demo meeting is of 2018: under the default period its residents' items are due for erasure, and the
        // daily retention run (a minute after start-up) would erase them mid-test on a slow machine.
        Assert.Equal(
            HttpStatusCode.OK,
            (await admin.PutAsJsonAsync("/aomori/api/privacy/retention", new { years = 30 })).StatusCode
        );
        var created = await admin.PostAsJsonAsync(
            "/aomori/api/users",
            new
            {
                userName = "care-staff",
                displayName = "包括 保健師",
                password = CarePassword,
                grants = new object[]
                {
                    new
                    {
                        role = "coordinator",
                        districtId = "aomori-shinjo",
                        clearance = "sensitive",
                    },
                    new { role = "viewer" },
                },
            }
        );
        await CreatedAsync(created);
        var care = await AsAsync("care-staff", CarePassword);
        var record = await care.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/record");
        var agendaId = record.GetProperty("record").GetProperty("agenda")[0].GetProperty("id").GetString();

        var noBasis = await care.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/opinions",
            new
            {
                agendaItemId = agendaId,
                text = "KOJIN-OPINION-7731",
                sensitivity = "sensitive",
            }
        );
        Assert.Equal("privacy.basis_required", await noBasis.ProblemCodeAsync());
        var noScope = await care.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/opinions",
            new
            {
                agendaItemId = agendaId,
                text = "KOJIN-OPINION-7731",
                sensitivity = "sensitive",
                basis = new { kind = "consent", consentedOn = "令和元年１０月１日" },
            }
        );
        Assert.Equal("privacy.consent_scope_required", await noScope.ProblemCodeAsync());

        var opinion = await care.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/opinions",
            new
            {
                agendaItemId = agendaId,
                text = "独居の山田花子さん（要介護３、認知症あり）の見守りを町会と分担したい KOJIN-OPINION-7731",
                sensitivity = "sensitive",
                basis = new
                {
                    kind = "consent",
                    consentedOn = "平成30年10月20日",
                    scope = "支援会議の構成員に限る",
                },
            }
        );
        await CreatedAsync(opinion);
        var opinionId = (await opinion.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("opinion")
            .GetProperty("id")
            .GetString()!;
        var comment = await care.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/comments",
            new
            {
                speaker = "包括",
                text = "鈴木一郎さん宅は生活保護を受給中 KOJIN-COMMENT-4410",
                sensitivity = "personal",
                basis = new { kind = "ordinance", ordinance = "青森市個人情報保護法施行条例 第5条" },
            }
        );
        await CreatedAsync(comment);
        var commentId = (await comment.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("comment")
            .GetProperty("id")
            .GetString()!;
        // Making an action item of the opinion needs reading it, and reading it needs the meeting's pledge.
        await CreatedAsync(
            await care.PostAsJsonAsync(
                $"/aomori/api/meetings/{Meeting}/pledges",
                new { self = true, pledgedOn = "2018-10-26" }
            )
        );
        var action = await care.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/actions",
            new { title = "山田花子さんの訪問日程を調整 KOJIN-ACTION-9902", opinionId }
        );
        await CreatedAsync(action);
        var actionJson = await action.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sensitive", actionJson.GetProperty("sensitivity").GetString());
        var upload = new MultipartFormDataContent
        {
            {
                new ByteArrayContent(Encoding.UTF8.GetBytes("KOJIN-FILE-5521 山田花子 090-0000-0000")),
                "file",
                "KOJIN-HANDOUT-名簿.txt"
            },
            { new StringContent("personal"), "sensitivity" },
            { new StringContent("consent"), "basisKind" },
            { new StringContent("2018-10-20"), "consentedOn" },
            { new StringContent("支援会議の構成員に限る"), "consentScope" },
        };
        var handout = await care.PostAsync($"/aomori/api/meetings/{Meeting}/handouts", upload);
        await CreatedAsync(handout);
        var handoutId = (await handout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (care, new Seeded(opinionId, commentId, actionJson.GetProperty("id").GetString()!, handoutId));
    }

    [Fact]
    public async Task No_output_shows_a_residents_information_to_anyone_not_cleared_and_pledged_and_each_view_is_audited()
    {
        var (care, items) = await SeedAsync();

        // Cleared, but without the meeting's pledge: markers only.
        await CreatedAsync(
            await (await AsAsync("aomori-admin")).PostAsJsonAsync(
                "/aomori/api/users",
                new
                {
                    userName = "care-staff-2",
                    displayName = "包括 社会福祉士",
                    password = CarePassword,
                    grants = new object[]
                    {
                        new
                        {
                            role = "viewer",
                            districtId = "aomori-shinjo",
                            clearance = "sensitive",
                        },
                    },
                }
            )
        );
        var unpledged = await (await AsAsync("care-staff-2", CarePassword)).GetStringAsync(
            $"/aomori/api/meetings/{Meeting}/record"
        );
        Assert.DoesNotContain("KOJIN-OPINION-7731", unpledged);
        Assert.Contains("noPledge", unpledged);

        var outputs = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = Platform.NewClient(),
            ["viewer"] = await AsAsync("aomori-viewer"),
            ["admin"] = await AsAsync("aomori-admin"),
            ["recorder"] = await AsAsync("aomori-recorder"),
            ["care-staff"] = care,
        };
        var seen = new Dictionary<string, List<string>>();
        foreach (var (who, client) in outputs)
        foreach (var (url, text) in await EveryOutputAsync(client, items))
        foreach (var secret in Secrets.Where(text.Contains))
            (seen.TryGetValue(who, out var list) ? list : seen[who] = []).Add($"{secret} in {url}");

        // The cleared, pledged coordinator reads them (the search above can find them) …
        Assert.Contains(
            seen["care-staff"],
            s => s.StartsWith("KOJIN-OPINION-7731 in /aomori/api/meetings/", StringComparison.Ordinal)
        );
        Assert.Contains(seen["care-staff"], s => s.StartsWith("KOJIN-FILE-5521", StringComparison.Ordinal));
        // … but never in a public version, a search hit or the audit log.
        Assert.DoesNotContain(
            seen["care-staff"],
            s => s.Contains("version=public") || s.Contains("search") || s.Contains("/public/") || s.Contains("audit")
        );
        foreach (var who in new[] { "anonymous", "viewer", "admin", "recorder" })
            Assert.False(seen.ContainsKey(who), $"{who} saw: {string.Join("; ", seen.GetValueOrDefault(who) ?? [])}");

        var log = await (await AsAsync("aomori-admin")).GetFromJsonAsync<JsonElement>("/aomori/api/audit?limit=1000");
        var views = log.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "view").ToList();
        Assert.All(views, v => Assert.Equal("care-staff", v.GetProperty("account").GetString()));
        foreach (var id in new[] { items.OpinionId, items.CommentId, items.ActionId, items.HandoutId })
            Assert.Contains(views, v => v.GetProperty("route").GetString()!.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawn_consent_hides_at_once_and_the_retention_period_erases_leaving_the_record()
    {
        var (care, items) = await SeedAsync();
        Assert.Contains("KOJIN-OPINION-7731", await care.GetStringAsync($"/aomori/api/meetings/{Meeting}/record"));

        // A recorder's page open on the meeting follows its live stream from when it was rendered.
        var openPage = NextEventAsync(
            care,
            $"/aomori/api/meetings/{Meeting}/record/events?after=100000&since={DateTime.UtcNow.Ticks}",
            "revised"
        );

        Assert.Equal(
            "privacy.not_consent",
            await (
                await care.PostAsync($"/aomori/api/meetings/{Meeting}/privacy/{items.CommentId}/withdraw", null)
            ).ProblemCodeAsync()
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await care.PostAsync($"/aomori/api/meetings/{Meeting}/privacy/{items.OpinionId}/withdraw", null)
            ).StatusCode
        );
        var revised = await openPage;
        Assert.Contains(items.OpinionId, revised);
        Assert.Contains("consentWithdrawn", revised);
        Assert.DoesNotContain("KOJIN-OPINION-7731", revised);
        var after = await care.GetStringAsync($"/aomori/api/meetings/{Meeting}/record");
        Assert.DoesNotContain("KOJIN-OPINION-7731", after);
        Assert.Contains("consentWithdrawn", after);
        Assert.Contains("KOJIN-COMMENT-4410", after);

        var admin = await AsAsync("aomori-admin");
        Assert.Equal(
            "privacy.invalid_retention",
            await (await admin.PutAsJsonAsync("/aomori/api/privacy/retention", new { years = 0 })).ProblemCodeAsync()
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await admin.PutAsJsonAsync("/aomori/api/privacy/retention", new { years = 5 })).StatusCode
        );
        var run = await (
            await admin.PostAsync("/aomori/api/privacy/retention/run", null)
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, run.GetProperty("erased").GetInt32());
        Assert.Equal(
            0,
            (
                await (
                    await admin.PostAsync("/aomori/api/privacy/retention/run", null)
                ).Content.ReadFromJsonAsync<JsonElement>()
            )
                .GetProperty("erased")
                .GetInt32()
        );

        // The rows are still there, emptied, with the date of erasure: the record that they existed.
        await using var connection = await Database.Open().OpenAsync();
        Assert.Equal(
            "",
            await connection.QuerySingleAsync<string>(
                "SELECT text FROM opinions WHERE opinion_id = @id",
                new { id = items.OpinionId }
            )
        );
        Assert.Equal(
            4,
            await connection.QuerySingleAsync<int>(
                "SELECT COUNT(*) FROM personal_content WHERE tenant_id = 'aomori' AND erased_at IS NOT NULL"
            )
        );
        Assert.Equal(
            0,
            await connection.QuerySingleAsync<int>(
                "SELECT size_bytes FROM handouts WHERE handout_id = @id",
                new { id = items.HandoutId }
            )
        );
        Assert.Contains(
            "保存期間の経過により消去済み",
            await care.GetStringAsync($"/aomori/api/meetings/{Meeting}/record")
        );
        var log = await admin.GetFromJsonAsync<JsonElement>("/aomori/api/audit?limit=1000");
        Assert.Equal(4, log.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "erase"));
    }

    [Fact]
    public async Task A_summary_is_published_only_as_the_public_version_a_coordinator_reviewed()
    {
        var (care, _) = await SeedAsync();
        var coordinator = await AsAsync("aomori-coordinator");
        var anonymous = Platform.NewClient();
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await anonymous.GetAsync($"/aomori/public/meetings/{Meeting}")).StatusCode
        );

        var state = await coordinator.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/publication");
        var hash = state.GetProperty("currentHash").GetString();
        Assert.Equal(
            "publication.minutes_not_public",
            await (
                await coordinator.PostAsJsonAsync(
                    $"/aomori/api/meetings/{Meeting}/publication",
                    new { reviewedHash = hash }
                )
            ).ProblemCodeAsync()
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await coordinator.PatchAsJsonAsync($"/aomori/api/meetings/{Meeting}", new { minutesPublic = true })
            ).StatusCode
        );
        Assert.Equal(
            "publication.changed_since_review",
            await (
                await coordinator.PostAsJsonAsync(
                    $"/aomori/api/meetings/{Meeting}/publication",
                    new { reviewedHash = hash }
                )
            ).ProblemCodeAsync()
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await (await AsAsync("aomori-viewer")).PostAsJsonAsync(
                    $"/aomori/api/meetings/{Meeting}/publication",
                    new { reviewedHash = hash }
                )
            ).StatusCode
        );

        var review = await coordinator.GetAsync($"/aomori/api/meetings/{Meeting}/minutes?format=md&version=public");
        var reviewed = (await coordinator.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/publication"))
            .GetProperty("currentHash")
            .GetString();
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await coordinator.PostAsJsonAsync(
                    $"/aomori/api/meetings/{Meeting}/publication",
                    new { reviewedHash = reviewed }
                )
            ).StatusCode
        );
        var published = await anonymous.GetAsync($"/aomori/public/meetings/{Meeting}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var page = await published.Content.ReadAsStringAsync();
        Assert.Contains("概要（公開版）", page);
        Assert.Contains("要配慮個人情報のため非表示", page);
        Assert.DoesNotContain("山田花子", page);
        Assert.DoesNotContain("サインアウト", page);
        Assert.Contains("要配慮個人情報のため非表示", await review.Content.ReadAsStringAsync());

        // A change after the review takes the summary off until it is reviewed again.
        var agendaId = (await care.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/record"))
            .GetProperty("record")
            .GetProperty("agenda")[0]
            .GetProperty("id")
            .GetString();
        await care.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/opinions",
            new
            {
                agendaItemId = agendaId,
                text = "公開してよい追加の意見",
                sensitivity = "public",
            }
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await anonymous.GetAsync($"/aomori/public/meetings/{Meeting}")).StatusCode
        );
        Assert.True(
            (await coordinator.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/publication"))
                .GetProperty("stale")
                .GetBoolean()
        );
    }

    [Fact]
    public async Task Only_someone_cleared_for_an_item_changes_its_level()
    {
        var (care, items) = await SeedAsync();
        var coordinator = await AsAsync("aomori-coordinator");
        var refused = await coordinator.PutAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/privacy/{items.OpinionId}",
            new { sensitivity = "public" }
        );
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("privacy.not_cleared", await refused.ProblemCodeAsync());
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await care.PutAsJsonAsync(
                    $"/aomori/api/meetings/{Meeting}/privacy/{items.CommentId}",
                    new { sensitivity = "participants" }
                )
            ).StatusCode
        );
        Assert.Contains(
            "KOJIN-COMMENT-4410",
            await coordinator.GetStringAsync($"/aomori/api/meetings/{Meeting}/record")
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await (await AsAsync("aomori-admin")).PutAsJsonAsync(
                    $"/aomori/api/meetings/aomori-ono-briefing-h30/privacy/{items.CommentId}",
                    new { sensitivity = "public" }
                )
            ).StatusCode
        );
    }

    /// <summary>Every GET route of the tenant with this meeting's ids, the summary in every format and version, search,
    /// and the live stream.</summary>
    private async Task<List<(string Url, string Text)>> EveryOutputAsync(HttpClient client, Seeded items)
    {
        var ids = new Dictionary<string, string>
        {
            ["tenant"] = "aomori",
            ["districtId"] = "aomori-shinjo",
            ["moduleId"] = "Platform.Resources",
            ["organisationId"] = "aomori-shinjo-swc",
            ["personId"] = "aomori-shinjo-promoter-1",
            ["bodyId"] = "aomori-shinjo-support",
            ["meetingId"] = Meeting,
            ["actionId"] = items.ActionId,
            ["handoutId"] = items.HandoutId,
            ["itemId"] = items.OpinionId,
            ["roleId"] = "any",
            ["opinionId"] = items.OpinionId,
            ["roundId"] = "any",
            ["resourceId"] = "any",
            ["token"] = "any",
            ["userName"] = "aomori-coordinator",
        };
        var urls = Platform
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e =>
                e.RoutePattern.RawText?.StartsWith("/{tenant}", StringComparison.Ordinal) == true
                && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET")
            )
            .Select(e =>
                e.RoutePattern.Parameters.Aggregate(
                    e.RoutePattern.RawText!,
                    (p, parameter) => p.Replace($"{{{parameter.Name}}}", ids[parameter.Name])
                )
            )
            .ToList();
        foreach (var format in new[] { "html", "md", "csv", "xlsx", "docx", "ics" })
        foreach (var variant in new[] { "", "&version=public", "&encoding=cp932", "&encoding=cp932&version=public" })
            urls.Add($"/aomori/api/meetings/{Meeting}/minutes?format={format}{variant}");
        // Words of the personal items that are not secrets themselves: the search page shows the query it was given.
        foreach (var q in new[] { "見守り 分担", "生活保護 受給中", "町会" })
        {
            urls.Add($"/aomori/api/search?q={Uri.EscapeDataString(q)}");
            urls.Add($"/aomori/search?q={Uri.EscapeDataString(q)}");
        }
        urls.Add($"/aomori/api/meetings/{Meeting}/record/events?after=0");
        urls.Add("/aomori/api/resources?format=csv");
        urls.Add("/aomori/api/audit?limit=1000");
        var outputs = new List<(string, string)>();
        foreach (var url in urls.Distinct())
            outputs.Add((url, await ReadAllAsync(client, url)));
        return outputs;
    }

    /// <summary>The data of the next event named <paramref name="name"/> on a live stream (at most 15
    /// seconds).</summary>
    private static async Task<string> NextEventAsync(HttpClient client, string url, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line == $"event: {name}")
                return (await reader.ReadLineAsync(timeout.Token))!;
        throw new InvalidOperationException($"the stream ended without a {name} event");
    }

    /// <summary>The body as text in every way it could carry a secret: UTF-8 with JSON escapes undone, Shift_JIS, and
    /// the files inside a zip (xlsx).</summary>
    private static async Task<string> ReadAllAsync(HttpClient client, string url)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var buffer = new MemoryStream();
        try
        {
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(buffer, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The live stream never ends: what arrived in two seconds is what it showed.
        }
        var bytes = buffer.ToArray();
        var text = new StringBuilder(Encoding.UTF8.GetString(bytes)).Append(Encoding.GetEncoding(932).GetString(bytes));
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
            using (var zip = new ZipArchive(new MemoryStream(bytes)))
                foreach (var entry in zip.Entries)
                    text.Append(new StreamReader(entry.Open(), Encoding.UTF8).ReadToEnd());
        var all = text.ToString();
        return Regex.Replace(
                all,
                @"\\u([0-9a-fA-F]{4})",
                m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()
            ) + WebUtility.HtmlDecode(all);
    }
}
