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
using Platform.Core.Web;

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

/// <summary>What the organisation edit page shows: the fields as typed, the choices, and the refusal or the
/// saved notice.</summary>
public sealed record OrganisationEditModel(
    TenantInfo Tenant,
    Organisation Organisation,
    Organisation Form,
    IReadOnlyList<OrganisationType> Types,
    IReadOnlyList<District> Districts,
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Saved
);

/// <summary>What the organisation edit handlers use, bound as one parameter.</summary>
public sealed record OrganisationEditServices(
    OrganisationStore Organisations,
    OrganisationRules Rules,
    DistrictStore Districts
);

/// <summary>The organisations page, <c>/organisations</c>, and an organisation's edit form.</summary>
public static class OrganisationPages
{
    public static void MapOrganisationPages(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/organisations", OrganisationsPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
        tenant
            .MapGet("/organisations/{organisationId}/edit", EditOrganisationPageAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
        // A plain form post (post, redirect, get), as the body edit form.
        tenant
            .MapPost("/organisations/{organisationId}/edit", SaveOrganisationAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<OrganisationEditPage>> EditOrganisationPageAsync(
        ITenantContext tenant,
        string organisationId,
        bool? saved,
        [AsParameters] OrganisationEditServices services,
        CancellationToken cancellationToken
    )
    {
        var organisation = await services.Organisations.GetAsync(tenant.Tenant.Id, organisationId, cancellationToken);
        return await EditPageAsync(
            tenant,
            organisation,
            organisation,
            null,
            saved == true,
            services,
            cancellationToken
        );
    }

    public static async Task<
        Results<RedirectHttpResult, RazorComponentResult<OrganisationEditPage>>
    > SaveOrganisationAsync(
        HttpContext http,
        ITenantContext tenant,
        string organisationId,
        [AsParameters] OrganisationEditServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await services.Organisations.GetAsync(tenantId, organisationId, cancellationToken);
        var form = await EditForms.ReadAsync(http, cancellationToken);
        var input = new OrganisationInput(form.Text("name"), form.Text("typeId"), form.Text("districtId"))
        {
            // Every contact field is posted: an emptied one clears what was recorded.
            Contact = new OrganisationContact(
                form.Text("phone"),
                form.Text("email"),
                form.Text("address"),
                form.Text("person")
            ),
        };
        var (organisation, refusal) = await services.Rules.CheckAsync(
            tenantId,
            organisationId,
            input,
            cancellationToken,
            current
        );
        if (organisation is null)
        {
            var typed = new Organisation(organisationId, input.Name ?? "", input.TypeId ?? "", input.DistrictId)
            {
                Contact = input.Contact,
            };
            var errors = EditForms.Messages(refusal);
            var page = await EditPageAsync(tenant, current, typed, errors, false, services, cancellationToken);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await services.Organisations.UpdateAsync(tenantId, organisation, cancellationToken);
        return TypedResults.Redirect($"/{tenantId}/organisations/{organisationId}/edit?saved=true");
    }

    private static async Task<RazorComponentResult<OrganisationEditPage>> EditPageAsync(
        ITenantContext tenant,
        Organisation organisation,
        Organisation form,
        IReadOnlyDictionary<string, string[]>? errors,
        bool saved,
        OrganisationEditServices services,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<OrganisationEditPage, OrganisationEditModel>(
            new OrganisationEditModel(
                tenant.Tenant,
                organisation,
                form,
                await services.Organisations.TypesAsync(tenant.Tenant.Id, cancellationToken),
                await services.Districts.ListAsync(tenant.Tenant.Id, cancellationToken),
                errors,
                saved
            )
        );

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
