using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.People;
using Platform.Core.Tenancy;

namespace Platform.Core.Organisations;

public static class OrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        var types = tenant.MapGroup("/api/organisation-types").WithTags("Organisations")
            .RequirePermissions(CorePermissions.View, CorePermissions.Administer);
        types.MapGet("/", (HttpContext http, OrganisationStore store) => store.TypesAsync(http.Tenant().Id, http.RequestAborted));
        types.MapPost("/", async (HttpContext http, OrganisationTypeInput input, OrganisationStore store) =>
            Results.Created($"/{http.Tenant().Id}/api/organisation-types", await store.CreateTypeAsync(http.Tenant().Id, input, http.RequestAborted)));

        var api = tenant.MapGroup("/api/organisations").WithTags("Organisations");
        api.MapGet("/", (HttpContext http, string? districtId, OrganisationStore store) => store.ListAsync(http.Tenant().Id, districtId, http.RequestAborted));
        api.MapPost("/", async (HttpContext http, OrganisationInput input, OrganisationStore store) =>
        {
            var created = await store.CreateAsync(http.Tenant().Id, input, cancellationToken: http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/organisations/{created.Id}", created);
        });
        api.MapGet("/{organisationId}", (HttpContext http, string organisationId, OrganisationStore store) =>
            store.GetAsync(http.Tenant().Id, organisationId, http.RequestAborted));
        api.MapPatch("/{organisationId}", (HttpContext http, string organisationId, OrganisationInput input, OrganisationStore store) =>
            store.UpdateAsync(http.Tenant().Id, organisationId, input, http.RequestAborted));

        tenant.MapGet("/organisations", async (HttpContext http, string? districtId, OrganisationStore store, DistrictStore districts, PersonStore people) =>
            new RazorComponentResult<OrganisationsPage>(new
            {
                Tenant = http.Tenant(),
                Organisations = await store.ListAsync(http.Tenant().Id, string.IsNullOrEmpty(districtId) ? null : districtId, http.RequestAborted),
                Types = await store.TypesAsync(http.Tenant().Id, http.RequestAborted),
                Districts = await districts.ListAsync(http.Tenant().Id, http.RequestAborted),
                PeopleCounts = (await people.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted))
                    .Where(p => p.OrganisationId is not null).GroupBy(p => p.OrganisationId!).ToDictionary(g => g.Key, g => g.Count()),
                DistrictId = districtId,
            })).ExcludeFromDescription();
    }
}
