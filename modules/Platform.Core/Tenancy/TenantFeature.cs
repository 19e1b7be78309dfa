using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Tenancy;
using Platform.Core.Districts;

namespace Platform.Core.Tenancy;

/// <summary>The tenant of the request, and its district when the route names one (<c>{districtId}</c>).</summary>
public sealed record TenantFeature(TenantInfo Tenant, District? District);

public static class TenantHttpContextExtensions
{
    public static TenantInfo Tenant(this HttpContext context) =>
        context.Features.Get<TenantFeature>()?.Tenant ?? throw new InvalidOperationException("Not a tenant route.");

    public static District District(this HttpContext context) =>
        context.Features.Get<TenantFeature>()?.District ?? throw new InvalidOperationException("Not a district route.");
}
