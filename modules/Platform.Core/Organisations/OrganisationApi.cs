using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;

namespace Platform.Core.Organisations;

/// <summary><c>/api/organisations</c> and <c>/api/organisation-types</c>: the organisations bodies convene.</summary>
public static class OrganisationApi
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder tenant)
    {
        var types = tenant
            .MapGroup("/api/organisation-types")
            .WithTags("Organisations")
            .RequirePermissions(CorePermissions.View, CorePermissions.Administer);
        types.MapGet("/", ListTypes).Describe("listOrganisationTypes", "団体種別の一覧", "List organisation types");
        types
            .MapPost("/", CreateType)
            .Describe("createOrganisationType", "団体種別を追加", "Add an organisation type")
            .Refuses(
                400,
                "validation.failed",
                "organisation_type.invalid_name",
                "organisation_type.invalid_id",
                "organisation_type.exists"
            );

        var api = tenant
            .MapGroup("/api/organisations")
            .WithTags("Organisations")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapGet("/", ListOrganisations).Describe("listOrganisations", "団体の一覧", "List organisations");
        api.MapPost("/", CreateOrganisation)
            .Describe("createOrganisation", "団体を登録", "Create an organisation")
            .Refuses(
                400,
                "validation.failed",
                "organisation.invalid_name",
                "organisation.unknown_type",
                "district.not_found",
                "organisation.invalid_phone",
                "organisation.invalid_email",
                "organisation.invalid_address",
                "organisation.invalid_contact_person"
            )
            .Refuses(409, "organisation.exists");
        api.MapGet("/{organisationId}", GetOrganisation)
            .Describe("getOrganisation", "団体を取得", "Get an organisation")
            .Refuses(404, "organisation.not_found");
        api.MapPatch("/{organisationId}", UpdateOrganisation)
            .Describe("updateOrganisation", "団体を変更", "Change an organisation")
            .Refuses(
                400,
                "validation.failed",
                "organisation.invalid_name",
                "organisation.unknown_type",
                "district.not_found",
                "organisation.invalid_phone",
                "organisation.invalid_email",
                "organisation.invalid_address",
                "organisation.invalid_contact_person"
            )
            .Refuses(404, "organisation.not_found");
    }

    public static async Task<Ok<IReadOnlyList<OrganisationType>>> ListTypes(
        ITenantContext tenant,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await organisations.TypesAsync(tenant.Tenant.Id, cancellationToken));

    public static async Task<Results<Created<OrganisationType>, ProblemHttpResult>> CreateType(
        ITenantContext tenant,
        OrganisationTypeInput input,
        OrganisationStore organisations,
        OrganisationRules rules,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (type, refusal) = await rules.CheckTypeAsync(tenantId, input, cancellationToken);
        if (type is null)
            return refusal.ToProblem();
        await organisations.CreateTypeAsync(tenantId, type, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/organisation-types", type);
    }

    public static async Task<Ok<IReadOnlyList<Organisation>>> ListOrganisations(
        ITenantContext tenant,
        string? districtId,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await organisations.ListAsync(tenant.Tenant.Id, districtId, cancellationToken));

    public static async Task<Results<Created<Organisation>, ProblemHttpResult>> CreateOrganisation(
        ITenantContext tenant,
        OrganisationInput input,
        OrganisationStore organisations,
        OrganisationRules rules,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (organisation, refusal) = await rules.CheckAsync(tenantId, Ids.New(), input, cancellationToken);
        if (organisation is null)
            return refusal.ToProblem();
        await organisations.CreateAsync(tenantId, organisation, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/organisations/{organisation.Id}", organisation);
    }

    public static async Task<Ok<Organisation>> GetOrganisation(
        ITenantContext tenant,
        string organisationId,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await organisations.GetAsync(tenant.Tenant.Id, organisationId, cancellationToken));

    /// <summary>Corrects an organisation's name, type, district or contact (kept when not sent); the meetings that
    /// convened it keep pointing at it.</summary>
    public static async Task<Results<Ok<Organisation>, ProblemHttpResult>> UpdateOrganisation(
        ITenantContext tenant,
        string organisationId,
        OrganisationInput input,
        OrganisationStore organisations,
        OrganisationRules rules,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await organisations.GetAsync(tenantId, organisationId, cancellationToken);
        var (organisation, refusal) = await rules.CheckAsync(
            tenantId,
            organisationId,
            input,
            cancellationToken,
            current
        );
        if (organisation is null)
            return refusal.ToProblem();
        await organisations.UpdateAsync(tenantId, organisation, cancellationToken);
        return TypedResults.Ok(organisation);
    }
}
