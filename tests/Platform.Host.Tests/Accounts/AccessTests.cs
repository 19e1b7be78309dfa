using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Testing;

namespace Platform.Host.Tests.Accounts;

[RunsLong(60)]
public class AccessTests : PlatformTest
{
    private Task<HttpClient> AsAsync(string userName) => Platform.ClientForAsync(userName);

    /// <summary>Sign-in delays on a clock that stands still: the wait after wrong passwords is the same however slowly
    /// a loaded machine sends the next attempt (it failed when the attempts took more than the second).</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(new SignInDelays(new StoppedClock(DateTimeOffset.UtcNow)));

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Anonymous_calls_answer_401_except_the_public_page_and_the_first_run_wrote_the_administrator()
    {
        var anonymous = Platform.NewClient();
        var denied = await anonymous.GetAsync("/aomori/api/districts");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("auth.required", await denied.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/aomori/public/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        var page = new HttpRequestMessage(HttpMethod.Get, "/aomori/meetings");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var redirected = await anonymous.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Faomori%2Fmeetings", redirected.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/plugins")).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await (await AsAsync("aomori-admin")).GetAsync("/api/plugins")).StatusCode
        );
    }

    [Fact]
    public async Task Repeated_wrong_passwords_make_the_next_attempt_wait_and_a_form_post_without_its_token_is_refused()
    {
        var client = Platform.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(
                "auth.invalid_credentials",
                await (
                    await client.PostAsJsonAsync(
                        "/api/auth/token",
                        new { userName = "aomori-viewer", password = "wrong" }
                    )
                ).ProblemCodeAsync()
            );
        var waiting = await client.PostAsJsonAsync(
            "/api/auth/token",
            new { userName = "aomori-viewer", password = TestAuth.DemoPassword }
        );
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal("auth.retry_later", await waiting.ProblemCodeAsync());

        var form = await Client.PostAsync(
            "/aomori/admin/districts/aomori-shinjo/modules/Aomori.SupportMeetings",
            new FormUrlEncodedContent([new("enabled", "false")])
        );
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.True(await EnabledInDistrictAsync("aomori", "aomori-shinjo", "Aomori.SupportMeetings"));
    }

    [Fact]
    public async Task A_tenant_admin_adds_a_recorder_for_one_district_who_records_there_only()
    {
        var admin = await AsAsync("aomori-admin");
        var bad = await admin.PostAsJsonAsync(
            "/aomori/api/users",
            new
            {
                userName = "ono-recorder",
                displayName = "大野 記録係",
                password = "short",
                grants = new[] { new { role = "recorder", districtId = "miyagi-north" } },
            }
        );
        Assert.Equal("validation.failed", await bad.ProblemCodeAsync());
        var created = await admin.PostAsJsonAsync(
            "/aomori/api/users",
            new
            {
                userName = "ono-recorder",
                displayName = "大野 記録係",
                password = "ono-recorder-password",
                grants = new object[] { new { role = "recorder", districtId = "aomori-ono" }, new { role = "viewer" } },
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(
            "account.exists",
            await (
                await admin.PostAsJsonAsync(
                    "/aomori/api/users",
                    new
                    {
                        userName = "ono-recorder",
                        displayName = "x",
                        password = "ono-recorder-password",
                        grants = new[] { new { role = "viewer" } },
                    }
                )
            ).ProblemCodeAsync()
        );

        var recorder = await Platform.ClientForAsync("ono-recorder", "ono-recorder-password");
        var ono = (
            await recorder.GetFromJsonAsync<System.Text.Json.JsonElement>(
                "/aomori/api/meetings/aomori-ono-briefing-h30/record"
            )
        )
            .GetProperty("record")
            .GetProperty("agenda")[0]
            .GetProperty("id")
            .GetString();
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await recorder.PostAsJsonAsync(
                    "/aomori/api/meetings/aomori-ono-briefing-h30/opinions",
                    new { agendaItemId = ono, text = "大野で記録" }
                )
            ).StatusCode
        );
        var shinjo = (
            await recorder.GetFromJsonAsync<System.Text.Json.JsonElement>(
                "/aomori/api/meetings/aomori-shinjo-briefing-h30/record"
            )
        )
            .GetProperty("record")
            .GetProperty("agenda")[0]
            .GetProperty("id")
            .GetString();
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await recorder.PostAsJsonAsync(
                    "/aomori/api/meetings/aomori-shinjo-briefing-h30/opinions",
                    new { agendaItemId = shinjo, text = "新城で記録" }
                )
            ).StatusCode
        );
        Assert.Equal(HttpStatusCode.Forbidden, (await recorder.GetAsync("/aomori/api/users")).StatusCode);
        Assert.Contains(
            (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/aomori/api/users")).EnumerateArray(),
            u => u.GetProperty("userName").GetString() == "ono-recorder"
        );
    }

    [Fact]
    public async Task A_calendar_application_subscribes_with_a_feed_token_that_opens_nothing_else()
    {
        var viewer = await AsAsync("aomori-viewer");
        var feed = (
            await (
                await viewer.PostAsync("/api/auth/feed-token", null)
            ).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()
        )
            .GetProperty("token")
            .GetString();
        var calendarApp = Platform.NewClient();

        var ics = await calendarApp.GetAsync($"/aomori/api/districts/aomori-shinjo/calendar.ics?feed={feed}");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Contains("BEGIN:VCALENDAR", await ics.Content.ReadAsStringAsync());
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await calendarApp.GetAsync($"/aomori/api/meetings?feed={feed}")).StatusCode
        );
        calendarApp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", feed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await calendarApp.GetAsync("/aomori/api/meetings")).StatusCode);
        var normal = viewer.DefaultRequestHeaders.Authorization!.Parameter;
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (
                await Platform.NewClient().GetAsync($"/aomori/api/districts/aomori-shinjo/calendar.ics?feed={normal}")
            ).StatusCode
        );
    }

    [Fact]
    public async Task Changes_are_audited_with_who_made_them_and_only_the_tenant_admin_reads_the_log()
    {
        var coordinator = await AsAsync("aomori-coordinator");
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await coordinator.PostAsJsonAsync(
                    "/aomori/api/meetings/aomori-shinjo-network-h30/status",
                    new { status = "minutesApproved" }
                )
            ).StatusCode
        );
        await coordinator.PostAsJsonAsync("/aomori/api/meetings", new { bodyId = "nope", date = "2019-02-30" });

        var log = await (await AsAsync("aomori-admin")).GetFromJsonAsync<System.Text.Json.JsonElement>(
            "/aomori/api/audit"
        );
        var entry = log.EnumerateArray().First();
        Assert.Equal(
            ("aomori-coordinator", "POST", "/aomori/api/meetings/aomori-shinjo-network-h30/status"),
            (
                entry.GetProperty("account").GetString(),
                entry.GetProperty("action").GetString(),
                entry.GetProperty("path").GetString()
            )
        );
        Assert.DoesNotContain(log.EnumerateArray(), e => e.GetProperty("status").GetInt32() >= 400);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/aomori/api/audit")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await (await AsAsync("miyagi-admin")).GetAsync("/aomori/api/audit")).StatusCode
        );
        Assert.Empty(
            await (await AsAsync("miyagi-admin")).GetFromJsonAsync<System.Text.Json.JsonElement[]>("/miyagi/api/audit")
                ?? []
        );
    }

    /// <summary>
    /// Every tenant route, with every role: the reading roles read, the recorder records in its district, the
    /// coordinator changes bodies and meetings, only the tenant admin switches modules and edits the tenant's lists,
    /// an account of another tenant is told nothing (404), and nobody anonymous gets in except to the public page.
    /// </summary>
    [Fact]
    public async Task Every_route_answers_each_role_as_its_rights_say()
    {
        var routes = Platform
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/{tenant}", StringComparison.Ordinal) == true)
            .SelectMany(e =>
                (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
                    (Method: m, Endpoint: e)
                )
            )
            .ToList();
        Assert.True(routes.Count > 80, $"{routes.Count} routes");
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = Platform.NewClient(),
            ["other-tenant"] = await AsAsync("miyagi-admin"),
            ["viewer"] = await AsAsync("aomori-viewer"),
            ["recorder"] = await AsAsync("aomori-recorder"),
            ["coordinator"] = await AsAsync("aomori-coordinator"),
            ["admin"] = await AsAsync("aomori-admin"),
        };
        var failures = new List<string>();
        foreach (var who in clients.Keys)
        foreach (var (method, endpoint) in routes)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            var path = endpoint.RoutePattern.Parameters.Aggregate(
                pattern,
                (p, parameter) =>
                    p.Replace($"{{{parameter.Name}}}", parameter.Name == "tenant" ? "aomori" : Ids[parameter.Name])
            );
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            var takesForm =
                endpoint
                    .Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
                    ?.ContentTypes.Contains("application/x-www-form-urlencoded") == true;
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = takesForm
                    ? new FormUrlEncodedContent([new("enabled", "true")])
                    : JsonContent.Create(new { name = "x" });
            using var answer = await clients[who].SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)answer.StatusCode;
            var expected = Expected(
                who,
                method,
                pattern,
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                endpoint.Metadata.GetMetadata<RequiredPermission>() is not null
            );
            var ok = expected switch
            {
                401 or 403 or 404 => status == expected,
                _ => status is not (401 or 403),
            };
            if (!ok)
                failures.Add($"{who} {method} {pattern} → {status}, expected {(expected == 0 ? "access" : expected)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The rights as the README states them; 0 means "let in" (the answer may still be 400, 404 or 409). A route that
    /// states no permission (the probe's) is refused to everyone signed in to the tenant.
    /// </summary>
    private static int Expected(string who, string method, string pattern, bool anonymousAllowed, bool declared)
    {
        if (anonymousAllowed)
            return 0;
        if (who == "anonymous")
            return 401;
        if (who == "other-tenant")
            return 404;
        if (!declared)
            return 403;
        // The cluster is the platform's, not a tenant's: the platform administrator's alone, a tenant admin's refused.
        if (pattern == "/{tenant}/admin/cluster")
            return 403;
        // An edit form (…/edit) is shown to those who may change what it edits, as its post is.
        // Writing a meeting's notices (…/notices) gives them their document numbers: those who manage meetings do it.
        var read =
            method == "GET"
            && !pattern.EndsWith("/edit", StringComparison.Ordinal)
            && !pattern.EndsWith("/notices", StringComparison.Ordinal);
        var adminOnly =
            pattern.Contains("/admin", StringComparison.Ordinal)
            || pattern.Contains("/modules", StringComparison.Ordinal)
            || pattern.Contains("/api/audit", StringComparison.Ordinal)
            || pattern.Contains("/api/users", StringComparison.Ordinal)
            || pattern.Contains("/api/privacy", StringComparison.Ordinal)
            || pattern.Contains("/api/mail/", StringComparison.Ordinal)
            || (
                !read
                && (
                    pattern.TrimEnd('/')
                    is "/{tenant}/api/districts"
                        or "/{tenant}/api/districts/{districtId}"
                        or "/{tenant}/api/organisation-types"
                        or "/{tenant}/api/resource-categories"
                        or "/{tenant}/api/notice-template"
                )
            );
        var recording =
            !read
            && new[]
            {
                "/agenda",
                "/opinions",
                "/comments",
                "/agenda/from-template",
                "/agenda/{agendaItemId}",
                "/opinions/{opinionId}",
                "/comments/{commentId}",
            }.Any(s => pattern.TrimEnd('/').EndsWith(s, StringComparison.Ordinal));
        return who switch
        {
            "admin" => 0,
            _ when adminOnly => 403,
            "coordinator" => 0,
            "recorder" => read || recording ? 0 : 403,
            _ => read ? 0 : 403,
        };
    }

    // The demo tenant's ids; the recorder's district is 新城, where these meetings are.
    private static readonly Dictionary<string, string> Ids = new()
    {
        ["districtId"] = "aomori-shinjo",
        ["moduleId"] = "Aomori.SupportMeetings",
        ["organisationId"] = "aomori-shinjo-swc",
        ["personId"] = "aomori-shinjo-promoter-1",
        ["bodyId"] = "aomori-shinjo-support",
        ["meetingId"] = "aomori-shinjo-network-h30",
        ["actionId"] = "any-action",
        ["handoutId"] = "any-handout",
        ["roundId"] = "any-round",
        ["resourceId"] = "any-resource",
        ["opinionId"] = "any-opinion",
        ["agendaItemId"] = "any-agenda-item",
        ["commentId"] = "any-comment",
        ["itemId"] = "any-item",
        ["roleId"] = "any-role",
        ["userName"] = "aomori-viewer",
        ["token"] = "any-token",
    };
}
