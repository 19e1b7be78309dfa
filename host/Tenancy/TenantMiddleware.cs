using Platform.Abstractions.Errors;
using Platform.Core.Districts;
using Platform.Core.Tenancy;
using Platform.Host.Modules;
using Platform.Host.Telemetry;

namespace Platform.Host.Tenancy;

/// <summary>
/// Resolves the tenant of every route that has a <c>{tenant}</c> segment and, when the route names a
/// <c>{districtId}</c>, checks that the district belongs to that tenant. An unknown tenant, or a district of another
/// tenant, is 404 here, before any handler runs: no handler can be reached with ids that cross tenants.
/// Then the request's services come from a scope begun in the tenant's lifetime scope (see <see
/// cref="ModuleRuntime"/>), and the request's log scope names the tenant and the route's meeting (<see
/// cref="RequestLogScope"/>).
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(
        HttpContext context,
        TenantRegistry tenants,
        DistrictStore districts,
        ModuleRuntime runtime
    )
    {
        if (context.GetRouteValue("tenant") is not string tenantId)
        {
            await next(context);
            return;
        }
        var tenant =
            await tenants.FindAsync(tenantId, context.RequestAborted)
            ?? throw PlatformException.NotFound("tenant.not_found", "テナント");
        District? district = null;
        if (context.GetRouteValue("districtId") is string districtId)
            district =
                await districts.FindAsync(tenant.Id, districtId, context.RequestAborted)
                ?? throw PlatformException.NotFound("district.not_found", "地区");
        context.Features.Set(new TenantFeature(tenant, district));
        // Every line logged from here on, and about a failure of this request, names the tenant and the meeting.
        context.Features.Get<RequestLogScope>()?.Name(tenant.Id, context.GetRouteValue("meetingId") as string);

        await using var scope = runtime.TenantScope(tenant).BeginLifetimeScope();
        var original = context.RequestServices;
        context.RequestServices = new Autofac.Extensions.DependencyInjection.AutofacServiceProvider(scope);
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }
}

/// <summary>
/// For tenants reached through a host name of their own (<c>sasaeai.city.example.jp/</c>), prefixes the path with
/// the tenant, so that the same routes serve both forms.
/// </summary>
public sealed class HostNameTenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantRegistry tenants)
    {
        var tenantId = await tenants.FindByHostNameAsync(context.Request.Host.Host, context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        if (
            tenantId is not null
            && !path.StartsWith($"/{tenantId}/", StringComparison.Ordinal)
            && path != $"/{tenantId}"
            && !IsHostPath(path)
        )
            context.Request.Path = $"/{tenantId}{path}";
        await next(context);
    }

    private static bool IsHostPath(string path) =>
        path.StartsWith("/healthz", StringComparison.Ordinal)
        || path.StartsWith("/openapi/", StringComparison.Ordinal)
        || path.StartsWith("/css/", StringComparison.Ordinal)
        || path.StartsWith("/_content/", StringComparison.Ordinal)
        || path.StartsWith("/api/auth/", StringComparison.Ordinal)
        || path.StartsWith("/signin", StringComparison.Ordinal)
        || path.StartsWith("/signout", StringComparison.Ordinal)
        || path.StartsWith("/account/", StringComparison.Ordinal)
        || path == "/metrics";
}
