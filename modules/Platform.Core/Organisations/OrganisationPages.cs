using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.People;

namespace Platform.Core.Organisations;

/// <summary>What the organisations page shows: the list (of one district, if given) and how many people each
/// has.</summary>
public sealed record OrganisationsModel(
    TenantInfo Tenant,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<OrganisationType> Types,
    IReadOnlyList<District> Districts,
    IReadOnlyDictionary<string, int> PeopleCounts,
    string? DistrictId
);

/// <summary>The organisations page, <c>/organisations</c>.</summary>
public static class OrganisationPages
{
    public static void MapOrganisationPages(this IEndpointRouteBuilder tenant) =>
        tenant
            .MapGet("/organisations", OrganisationsPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();

    public static async Task<RazorComponentResult<OrganisationsPage>> OrganisationsPageAsync(
        ITenantContext tenant,
        string? districtId,
        OrganisationStore organisations,
        DistrictStore districts,
        PersonStore people,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var counts = (await people.ListAsync(tenantId, cancellationToken: cancellationToken))
            .Where(p => p.OrganisationId is not null)
            .GroupBy(p => p.OrganisationId!)
            .ToDictionary(g => g.Key, g => g.Count());
        return PageResult.For<OrganisationsPage, OrganisationsModel>(
            new OrganisationsModel(
                tenant.Tenant,
                await organisations.ListAsync(
                    tenantId,
                    string.IsNullOrEmpty(districtId) ? null : districtId,
                    cancellationToken
                ),
                await organisations.TypesAsync(tenantId, cancellationToken),
                await districts.ListAsync(tenantId, cancellationToken),
                counts,
                districtId
            )
        );
    }
}
