using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Organisations;
using Platform.Core.Tenancy;

namespace Platform.Core.People;

public static class PersonEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        var api = tenant.MapGroup("/api/people").WithTags("People");
        api.MapGet("/", (HttpContext http, string? organisationId, PersonStore store) => store.ListAsync(http.Tenant().Id, organisationId, http.RequestAborted));
        api.MapPost("/", async (HttpContext http, PersonInput input, PersonStore store) =>
        {
            var created = await store.CreateAsync(http.Tenant().Id, input, cancellationToken: http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/people/{created.Id}", created);
        });
        api.MapGet("/{personId}", (HttpContext http, string personId, PersonStore store) => store.GetAsync(http.Tenant().Id, personId, http.RequestAborted));
        api.MapPatch("/{personId}", (HttpContext http, string personId, PersonInput input, PersonStore store) =>
            store.UpdateAsync(http.Tenant().Id, personId, input, http.RequestAborted));
        api.MapPost("/{personId}/roles", (HttpContext http, string personId, PersonRoleInput input, PersonStore store) =>
            store.AddRoleAsync(http.Tenant().Id, personId, input, http.RequestAborted));
        api.MapPatch("/{personId}/roles/{roleId}", (HttpContext http, string personId, string roleId, RoleEndInput input, PersonStore store) =>
            store.EndRoleAsync(http.Tenant().Id, personId, roleId, input.Until, http.RequestAborted));

        tenant.MapGet("/people", async (HttpContext http, string? organisationId, PersonStore store, OrganisationStore organisations) =>
        {
            var all = await organisations.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted);
            var only = string.IsNullOrEmpty(organisationId) ? null : all.FirstOrDefault(o => o.Id == organisationId);
            return new RazorComponentResult<PeoplePage>(new
            {
                Tenant = http.Tenant(),
                People = await store.ListAsync(http.Tenant().Id, only?.Id, http.RequestAborted),
                Organisations = all,
                Organisation = only,
            });
        }).ExcludeFromDescription();
        tenant.MapGet("/people/{personId}", async (HttpContext http, string personId, PersonStore store, OrganisationStore organisations, BodyStore bodies) =>
        {
            var person = await store.GetAsync(http.Tenant().Id, personId, http.RequestAborted);
            return new RazorComponentResult<PersonPage>(new
            {
                Tenant = http.Tenant(),
                Person = person,
                Organisations = await organisations.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted),
                Bodies = await bodies.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted),
            });
        }).ExcludeFromDescription();
    }
}
