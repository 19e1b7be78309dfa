using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Modules;
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
    IReadOnlyList<DistrictFeature> Features,
    CadenceView Cadence
);

/// <summary>A module in effect in the district, with the links it offers there (none for a module used from other
/// pages, such as お宝 from a meeting's page).</summary>
public sealed record DistrictFeature(string Name, string Description, IReadOnlyList<NavigationLink> Links);

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
        // Every module switched on here is named, links or not: a page that said "no feature" while お宝 is on would
        // contradict the admin's switch. A module's links show only where the module is switched on.
        var features = services
            .Catalog.Modules.Where(m => !m.AlwaysEnabled && m.Scope == ModuleScope.District && effective.Contains(m.Id))
            .Select(m => new DistrictFeature(
                m.Name,
                m.Description,
                services
                    .Navigation.Where(n => services.Catalog.OwnerOf(n.GetType())?.Id == m.Id)
                    .SelectMany(n => n.LinksFor(district.Id))
                    .ToList()
            ))
            .ToList();
        var year = FiscalYear.Of(Clock.TodayInJapan(services.Time));
        var cadence = await services
            .Grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, district.Id))
            .GetCadence(year.Year);
        return PageResult.For<DistrictPage, DistrictModel>(
            new DistrictModel(tenant.Tenant, district, features, CadenceView.Of(district, cadence))
        );
    }
}
