using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;

namespace Platform.Core.Home;

/// <summary>What a tenant's home page shows: its districts.</summary>
public sealed record TenantHomeModel(TenantInfo Tenant, IReadOnlyList<District> Districts);

/// <summary>A tenant's home page, <c>/{tenant}/</c>.</summary>
public static class HomePages
{
    public static void MapHomePages(this IEndpointRouteBuilder tenant) =>
        tenant.MapGet("/", TenantHomePageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();

    public static async Task<RazorComponentResult<TenantHomePage>> TenantHomePageAsync(
        ITenantContext tenant,
        DistrictStore districts,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<TenantHomePage, TenantHomeModel>(
            new TenantHomeModel(tenant.Tenant, await districts.ListAsync(tenant.Tenant.Id, cancellationToken))
        );
}
