using System.Net;
using Autofac;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Security;
using Platform.Host.Modules;

namespace Platform.Host.Tests.Accounts;

/// <summary>Every tenant route states its permission beside it, from a module that declares it; one that states none is
/// refused.</summary>
public class PermissionTests : PlatformTest
{
    private const string Undeclared = "/{tenant}/probe-undeclared";

    [Fact]
    public void Every_tenant_route_states_a_declared_permission_or_allows_anonymous_callers()
    {
        var declared = Platform
            .Services.GetRequiredService<ModuleRuntime>()
            .Container.Resolve<IEnumerable<IPermissionProvider>>()
            .SelectMany(p => p.Permissions)
            .ToHashSet();
        Assert.Contains(declared, p => p.Name == "resources.manage");
        var routes = Platform
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/{tenant}", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(routes.Count > 80, $"{routes.Count} routes");
        var failures = new List<string>();
        foreach (
            var route in routes.Where(r =>
                r.RoutePattern.RawText != Undeclared && r.Metadata.GetMetadata<IAllowAnonymous>() is null
            )
        )
        {
            var pattern = route.RoutePattern.RawText;
            if (route.Metadata.GetMetadata<RequiredPermission>() is not { } required)
                failures.Add($"{pattern}: no permission");
            else if (!declared.Contains(required.Read) || !declared.Contains(required.Write))
                failures.Add($"{pattern}: a permission no module declares");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The check sees a route without one: the probe's.
        Assert.Null(
            routes.Single(r => r.RoutePattern.RawText == Undeclared).Metadata.GetMetadata<RequiredPermission>()
        );
    }

    [Fact]
    public async Task A_route_that_states_no_permission_is_refused_even_to_the_tenant_admin()
    {
        await Client.PutAsync("/aomori/api/modules/Probe.TenantWide", null);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/aomori/probe-tenant")).StatusCode);
        var refused = await Client.GetAsync("/aomori/probe-undeclared");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("auth.undeclared", await refused.Content.ReadAsStringAsync());
    }
}
