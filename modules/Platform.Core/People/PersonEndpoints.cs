using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Core.Tenancy;

namespace Platform.Core.People;

public static class PersonEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        var api = tenant.MapGroup("/api/people").WithTags("People");
        api.MapGet("/", (HttpContext http, string? organisationId, PersonStore store) => store.ListAsync(http.Tenant().Id, organisationId, http.RequestAborted));
        api.MapPost("/", async (HttpContext http, PersonInput input, PersonStore store) =>
        {
            var created = await store.CreateAsync(http.Tenant().Id, input, cancellationToken: http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/people/{created.Id}", created);
        });
        api.MapGet("/{personId}", (HttpContext http, string personId, PersonStore store) => store.GetAsync(http.Tenant().Id, personId, http.RequestAborted));
        api.MapPost("/{personId}/roles", (HttpContext http, string personId, PersonRoleInput input, PersonStore store) =>
            store.AddRoleAsync(http.Tenant().Id, personId, input, http.RequestAborted));
    }
}
