using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;

namespace Platform.Core.People;

/// <summary>What the people handlers use, bound as one parameter.</summary>
public sealed record PersonServices(PersonStore People, PersonRules Rules);

/// <summary><c>/api/people</c>: the people who work in or with the programme, and the roles they held.</summary>
public static class PersonApi
{
    public static void MapPersonApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api/people")
            .WithTags("People")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapGet("/", ListPeople).Describe("listPeople", "人の一覧", "List people");
        api.MapPost("/", CreatePerson)
            .Describe("createPerson", "人を登録", "Register a person")
            .Refuses(
                400,
                "validation.failed",
                "person.invalid_name",
                "person.invalid_reading",
                "person.invalid_title",
                "organisation.not_found",
                "person.invalid_role",
                "person.invalid_date",
                "person.period_reversed",
                "body.not_found"
            );
        api.MapGet("/{personId}", GetPerson)
            .Describe("getPerson", "人を取得", "Get a person")
            .Refuses(404, "person.not_found");
        api.MapPatch("/{personId}", UpdatePerson)
            .Describe("updatePerson", "人の氏名・所属を修正", "Correct a person")
            .Refuses(
                400,
                "validation.failed",
                "person.invalid_name",
                "person.invalid_reading",
                "person.invalid_title",
                "organisation.not_found"
            )
            .Refuses(404, "person.not_found");
        api.MapPost("/{personId}/roles", AddRole)
            .Describe("addPersonRole", "人に役割を追加", "Add a role to a person")
            .Refuses(
                400,
                "validation.failed",
                "person.invalid_role",
                "person.invalid_date",
                "person.period_reversed",
                "body.not_found"
            )
            .Refuses(404, "person.not_found");
        api.MapPatch("/{personId}/roles/{roleId}", EndRole)
            .Describe("endPersonRole", "役割の終了日を登録", "Record when a role ended")
            .Refuses(400, "validation.failed", "person.invalid_date", "person.period_reversed")
            .Refuses(404, "person.not_found", "person.role_not_found");
    }

    public static async Task<Ok<IReadOnlyList<Person>>> ListPeople(
        ITenantContext tenant,
        string? organisationId,
        PersonStore people,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await people.ListAsync(tenant.Tenant.Id, organisationId, cancellationToken));

    public static async Task<Results<Created<Person>, ProblemHttpResult>> CreatePerson(
        ITenantContext tenant,
        PersonInput input,
        [AsParameters] PersonServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (person, refusal) = await services.Rules.CheckAsync(tenantId, Ids.New(), input, null, cancellationToken);
        if (person is null)
            return refusal.ToProblem();
        await services.People.CreateAsync(tenantId, person, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/people/{person.Id}", person);
    }

    public static async Task<Ok<Person>> GetPerson(
        ITenantContext tenant,
        string personId,
        PersonStore people,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await people.GetAsync(tenant.Tenant.Id, personId, cancellationToken));

    /// <summary>Corrects a person's name, reading, title or organisation; their roles are kept as they are.</summary>
    public static async Task<Results<Ok<Person>, ProblemHttpResult>> UpdatePerson(
        ITenantContext tenant,
        string personId,
        PersonInput input,
        [AsParameters] PersonServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await services.People.GetAsync(tenantId, personId, cancellationToken);
        var (person, refusal) = await services.Rules.CheckAsync(tenantId, personId, input, current, cancellationToken);
        if (person is null)
            return refusal.ToProblem();
        await services.People.UpdateAsync(tenantId, person, cancellationToken);
        return TypedResults.Ok(person);
    }

    /// <summary>Gives a person one more role; earlier roles stay, with their periods.</summary>
    public static async Task<Results<Ok<Person>, ProblemHttpResult>> AddRole(
        ITenantContext tenant,
        string personId,
        PersonRoleInput input,
        [AsParameters] PersonServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var person = await services.People.GetAsync(tenantId, personId, cancellationToken);
        var (role, refusal) = await services.Rules.CheckRoleAsync(tenantId, input, cancellationToken);
        if (role is null)
            return refusal.ToProblem();
        await services.People.AddRoleAsync(tenantId, personId, role, cancellationToken);
        return TypedResults.Ok(person with { Roles = [.. person.Roles, role] });
    }

    /// <summary>Records when a role ended (a promoter who stepped down at the end of the fiscal year); null reopens
    /// it.</summary>
    public static async Task<Results<Ok<Person>, ProblemHttpResult>> EndRole(
        ITenantContext tenant,
        string personId,
        string roleId,
        RoleEndInput input,
        PersonStore people,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var person = await people.GetAsync(tenantId, personId, cancellationToken);
        var role =
            person.Roles.FirstOrDefault(r => r.Id == roleId)
            ?? throw PlatformException.NotFound("person.role_not_found", "役割");
        var (until, refusal) = PersonRules.CheckEnd(role, input.Until);
        if (refusal.Any)
            return refusal.ToProblem();
        await people.EndRoleAsync(tenantId, personId, roleId, until, cancellationToken);
        return TypedResults.Ok(
            person with
            {
                Roles = person.Roles.Select(r => r.Id == roleId ? r with { Until = until } : r).ToList(),
            }
        );
    }
}
