using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Organisations;

namespace Platform.Core.People;

/// <summary>What the people page shows: everybody, or the people of one organisation.</summary>
public sealed record PeopleModel(
    TenantInfo Tenant,
    IReadOnlyList<Person> People,
    IReadOnlyList<Organisation> Organisations,
    Organisation? Organisation
);

/// <summary>What one person's page shows.</summary>
public sealed record PersonModel(
    TenantInfo Tenant,
    Person Person,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Body> Bodies
);

/// <summary>The people page, <c>/people</c>, and each person's, <c>/people/{personId}</c>.</summary>
public static class PersonPages
{
    public static void MapPersonPages(this IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/people", PeoplePageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();
        tenant
            .MapGet("/people/{personId}", PersonPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<PeoplePage>> PeoplePageAsync(
        ITenantContext tenant,
        string? organisationId,
        PersonStore people,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var all = await organisations.ListAsync(tenantId, cancellationToken: cancellationToken);
        var only = string.IsNullOrEmpty(organisationId) ? null : all.FirstOrDefault(o => o.Id == organisationId);
        return PageResult.For<PeoplePage, PeopleModel>(
            new PeopleModel(tenant.Tenant, await people.ListAsync(tenantId, only?.Id, cancellationToken), all, only)
        );
    }

    public static async Task<RazorComponentResult<PersonPage>> PersonPageAsync(
        ITenantContext tenant,
        string personId,
        PersonStore people,
        OrganisationStore organisations,
        BodyStore bodies,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var person = await people.GetAsync(tenantId, personId, cancellationToken);
        return PageResult.For<PersonPage, PersonModel>(
            new PersonModel(
                tenant.Tenant,
                person,
                await organisations.ListAsync(tenantId, cancellationToken: cancellationToken),
                await bodies.ListAsync(tenantId, cancellationToken: cancellationToken)
            )
        );
    }
}
