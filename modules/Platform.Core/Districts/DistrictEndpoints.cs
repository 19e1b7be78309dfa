using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Modules;
using Platform.Core.Tenancy;

namespace Platform.Core.Districts;

/// <summary>Districts of a tenant: the API (routes fixed by API.md) and each district's page.</summary>
public static class DistrictEndpoints
{
    public sealed record DistrictView(string Id, string Name, DistrictKind Kind, string? ParentId, int SortOrder)
    {
        public static DistrictView From(District d) => new(d.Id, d.Name, d.Kind, d.ParentId, d.SortOrder);
    }

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        var api = tenant.MapGroup("/api/districts").WithTags("Districts").RequirePermissions(CorePermissions.View, CorePermissions.Administer);
        api.MapGet("/", async (HttpContext http, DistrictStore districts) =>
            (await districts.ListAsync(http.Tenant().Id, http.RequestAborted)).Select(DistrictView.From));
        api.MapPost("/", async (HttpContext http, DistrictInput input, DistrictStore districts) =>
        {
            var created = await districts.CreateAsync(http.Tenant().Id, input, cancellationToken: http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/districts/{created.Id}", DistrictView.From(created));
        });
        api.MapGet("/{districtId}", (HttpContext http) => DistrictView.From(http.District()));
        api.MapPatch("/{districtId}", async (HttpContext http, DistrictInput input, DistrictStore districts) =>
            DistrictView.From(await districts.UpdateAsync(http.Tenant().Id, http.District().Id, input, http.RequestAborted)));

        tenant.MapGet("/districts/{districtId}", async (HttpContext http, IEnumerable<IDistrictNavigation> navigation, ModuleCatalog catalog, ModuleGate gate,
            IGrainFactory grains, TimeProvider time) =>
        {
            var district = http.District();
            var effective = await gate.EffectiveAsync(http.Tenant().Id, district.Id);
            var links = navigation
                .Where(n => catalog.OwnerOf(n.GetType()) is not { } owner || effective.Contains(owner.Id))
                .SelectMany(n => n.LinksFor(district.Id))
                .ToList();
            var year = FiscalYear.Of(Clock.TodayInJapan(time));
            var cadence = await grains.GetGrain<Grains.IDistrictGrain>(Grains.DistrictGrainKey.For(http.Tenant().Id, district.Id)).GetCadence(year.Year);
            return new RazorComponentResult<DistrictPage>(new { Tenant = http.Tenant(), District = district, Links = links, Cadence = Cadence.CadenceView.Of(district, cadence) });
        }).ExcludeFromDescription();
    }
}
