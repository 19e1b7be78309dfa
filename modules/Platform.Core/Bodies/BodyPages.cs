using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;

namespace Platform.Core.Bodies;

/// <summary>What the bodies page shows.</summary>
public sealed record BodiesModel(TenantInfo Tenant, IReadOnlyList<Body> Bodies, IReadOnlyList<District> Districts);

/// <summary>The bodies page, <c>/bodies</c>.</summary>
public static class BodyPages
{
    public static void MapBodyPages(this IEndpointRouteBuilder tenant) =>
        tenant.MapGet("/bodies", BodiesPageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();

    public static async Task<RazorComponentResult<BodiesPage>> BodiesPageAsync(
        ITenantContext tenant,
        BodyStore bodies,
        DistrictStore districts,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<BodiesPage, BodiesModel>(
            new BodiesModel(
                tenant.Tenant,
                await bodies.ListAsync(tenant.Tenant.Id, cancellationToken: cancellationToken),
                await districts.ListAsync(tenant.Tenant.Id, cancellationToken)
            )
        );
}
