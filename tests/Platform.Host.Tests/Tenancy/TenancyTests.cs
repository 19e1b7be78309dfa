using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Tenancy;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Host.Tests.Tenancy;

public class TenancyTests : PlatformTest
{
    [Fact]
    public async Task Both_demo_tenants_are_served_and_an_unknown_tenant_is_404()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz")).StatusCode);
        Assert.Contains("新城", await Client.GetStringAsync("/aomori/"));
        Assert.Contains("県北部", await Client.GetStringAsync("/miyagi/"));
        var unknown = await Client.GetAsync("/sapporo/api/districts");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("tenant.not_found", await unknown.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Aomori/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_errors_show_no_internals()
    {
        foreach (var url in new[] { "/aomori/api/districts", "/aomori/", "/aomori/api/meetings/nope", "/healthz" })
        {
            var answer = await Client.GetAsync(url);
            Assert.Contains("frame-ancestors 'none'", answer.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            var body = await answer.Content.ReadAsStringAsync();
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain("SELECT", body);
        }
    }

    [Fact]
    public async Task A_tenant_with_its_own_host_name_is_served_without_the_prefix()
    {
        await Platform
            .Services.GetRequiredService<TenantRegistry>()
            .CreateAsync(
                new NewTenant("hirosaki", "弘前市", TenantKind.Municipality, "022021", "sasaeai.hirosaki.example")
            );
        var request = new HttpRequestMessage(HttpMethod.Get, "http://sasaeai.hirosaki.example/api/districts");

        var answer = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("[]", await answer.Content.ReadAsStringAsync());
        // The host's own pages (signing in and out, the password) stay where they are under that name.
        var signIn = await Platform.NewClient().GetAsync("http://sasaeai.hirosaki.example/signin");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("data-testid=\"signin\"", await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Districts_are_created_and_renamed_and_bad_input_writes_nothing()
    {
        var created = await Client.PostAsJsonAsync("/aomori/api/districts", new { name = "古川", kind = "district" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var renamed = await Client.PatchAsJsonAsync($"/aomori/api/districts/{id}", new { name = "古川地区" });
        Assert.Equal(
            "古川地区",
            (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()
        );

        var empty = await Client.PostAsJsonAsync("/aomori/api/districts", new { name = "" });
        var tooLong = await Client.PostAsJsonAsync("/aomori/api/districts", new { name = new string('地', 101) });
        var malformed = await Client.PostAsync(
            "/aomori/api/districts",
            new StringContent("{\"name\":", Encoding.UTF8, "application/json")
        );

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation.failed", problem.GetProperty("code").GetString());
        Assert.Contains("100文字", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("request.malformed_json", await malformed.ProblemCodeAsync());
        Assert.Equal(6, (await JsonAsync("/aomori/api/districts")).GetArrayLength());
        Assert.Equal(
            "district.not_found",
            await (await Client.GetAsync("/aomori/api/districts/nope")).ProblemCodeAsync()
        );
    }

    /// <summary>
    /// Walks every tenant route the host maps, filling its ids with the demo tenant aomori's and calling it under
    /// miyagi's prefix: each must answer 404. New routes with new kinds of ids add their ids to <see
    /// cref="AomoriIds"/>.
    /// </summary>
    [Fact]
    public async Task Every_route_called_with_another_tenants_ids_answers_404()
    {
        var routes = Platform
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/{tenant}", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name != "tenant" && p.Name != "moduleId"))
            .ToList();
        Assert.NotEmpty(routes);

        var walked = 0;
        foreach (var route in routes)
        {
            var path = route.RoutePattern.Parameters.Aggregate(
                route.RoutePattern.RawText!,
                (current, p) => current.Replace($"{{{p.Name}}}", p.Name == "tenant" ? "miyagi" : AomoriIds[p.Name])
            );
            foreach (
                var method in route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods
                    ?? ["GET"]
            )
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                var takesForm =
                    route
                        .Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
                        ?.ContentTypes.Contains("application/x-www-form-urlencoded") == true;
                if (method is "POST" or "PUT" or "PATCH")
                    request.Content = takesForm
                        ? new FormUrlEncodedContent([new("enabled", "false")])
                        : JsonContent.Create(new { name = "x" });
                var answer = await Client.SendAsync(request);
                Assert.True(
                    answer.StatusCode == HttpStatusCode.NotFound,
                    $"{method} {path} answered {(int)answer.StatusCode}"
                );
                walked++;
            }
        }
        Assert.True(walked >= 10, $"only {walked} routes walked");
        Assert.Equal("新城", (await JsonAsync("/aomori/api/districts/aomori-shinjo")).GetProperty("name").GetString());
    }

    private static readonly Dictionary<string, string> AomoriIds = new()
    {
        ["districtId"] = "aomori-shinjo",
        ["moduleId"] = "Aomori.SupportMeetings",
        ["organisationId"] = "aomori-shinjo-swc",
        ["personId"] = "any-person",
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
        ["userName"] = "aomori-coordinator",
        ["token"] = "any-token",
    };
}
