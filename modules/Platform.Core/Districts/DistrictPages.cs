using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Cadence;
using Platform.Core.Grains;
using Platform.Core.Modules;

namespace Platform.Core.Districts;

/// <summary>What a district's page shows: its cadence this fiscal year and the features switched on in it.</summary>
public sealed record DistrictModel(
    TenantInfo Tenant,
    District District,
    IReadOnlyList<NavigationLink> Links,
    CadenceView Cadence
);

/// <summary>What the district page reads, bound as one parameter.</summary>
public sealed record DistrictPageServices(
    DistrictStore Districts,
    IEnumerable<IDistrictNavigation> Navigation,
    ModuleCatalog Catalog,
    ModuleGate Gate,
    IGrainFactory Grains,
    TimeProvider Time
);

/// <summary>Each district's page, <c>/districts/{districtId}</c>.</summary>
public static class DistrictPages
{
    public static void MapDistrictPages(this IEndpointRouteBuilder tenant) =>
        tenant
            .MapGet("/districts/{districtId}", DistrictPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();

    public static async Task<RazorComponentResult<DistrictPage>> DistrictPageAsync(
        ITenantContext tenant,
        string districtId,
        [AsParameters] DistrictPageServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var district = await services.Districts.GetAsync(tenantId, districtId, cancellationToken);
        var effective = await services.Gate.EffectiveAsync(tenantId, district.Id);
        // A module's links show only where the module is switched on; the core's own always do.
        var links = services
            .Navigation.Where(n =>
                services.Catalog.OwnerOf(n.GetType()) is not { } owner || effective.Contains(owner.Id)
            )
            .SelectMany(n => n.LinksFor(district.Id))
            .ToList();
        var year = FiscalYear.Of(Clock.TodayInJapan(services.Time));
        var cadence = await services
            .Grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, district.Id))
            .GetCadence(year.Year);
        return PageResult.For<DistrictPage, DistrictModel>(
            new DistrictModel(tenant.Tenant, district, links, CadenceView.Of(district, cadence))
        );
    }
}
