using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Export;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Organisations;
using Platform.Core.Web;

namespace Platform.Core.People;

/// <summary>What the people page shows: everybody, or the people of one organisation.</summary>
public sealed record PeopleModel(
    TenantInfo Tenant,
    IReadOnlyList<Person> People,
    IReadOnlyList<Organisation> Organisations,
    Organisation? Organisation,
    PersonRoleKind? Role = null,
    ListState? List = null
);

/// <summary>What one person's page shows.</summary>
public sealed record PersonModel(
    TenantInfo Tenant,
    Person Person,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Body> Bodies
);

/// <summary>What a person's edit page shows: the fields as typed, and the refusal or the saved notice.</summary>
public sealed record PersonEditModel(
    TenantInfo Tenant,
    Person Person,
    Person Form,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Saved
);

/// <summary>The people page, <c>/people</c>, each person's, <c>/people/{personId}</c>, and their edit form.</summary>
public static class PersonPages
{
    public static void MapPersonPages(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/people/{personId}/edit", EditPersonPageAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
        // A plain form post (post, redirect, get), as the body edit form.
        tenant
            .MapPost("/people/{personId}/edit", SavePersonAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
        tenant.MapGet("/people", PeoplePageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();
        tenant
            .MapGet("/people/export.xlsx", ExportPeopleAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
        tenant
            .MapGet("/people/{personId}", PersonPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    /// <summary><c>?organisationId=</c> and <c>?role=</c> filter, <c>?page=</c> pages.</summary>
    public static async Task<RazorComponentResult<PeoplePage>> PeoplePageAsync(
        ITenantContext tenant,
        string? organisationId,
        string? role,
        string? page,
        PersonStore people,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var all = await organisations.ListAsync(tenantId, cancellationToken: cancellationToken);
        var only = string.IsNullOrEmpty(organisationId) ? null : all.FirstOrDefault(o => o.Id == organisationId);
        var notices = new List<string>();
        if (only is null && ListState.Value(organisationId) is not null)
            notices.Add("指定の所属は見つからないため、すべての所属を表示しています。");
        var kind = PeopleList.Role(role, notices);
        var found = PeopleList.Filter(await people.ListAsync(tenantId, only?.Id, cancellationToken), kind);
        var list = ListState.Of(page, found.Count, PeopleList.Links(only?.Id, kind), notices);
        return PageResult.For<PeoplePage, PeopleModel>(
            new PeopleModel(tenant.Tenant, list.Paging.Slice(found), all, only, kind, list)
        );
    }

    /// <summary>The people the page's filters leave, every page of them, as an Excel workbook.</summary>
    public static async Task<FileContentHttpResult> ExportPeopleAsync(
        ITenantContext tenant,
        HttpResponse response,
        string? organisationId,
        string? role,
        PersonStore people,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var all = await organisations.ListAsync(tenantId, cancellationToken: cancellationToken);
        var only = string.IsNullOrEmpty(organisationId) ? null : all.FirstOrDefault(o => o.Id == organisationId);
        var kind = PeopleList.Role(role, []);
        var found = PeopleList.Filter(await people.ListAsync(tenantId, only?.Id, cancellationToken), kind);
        response.Headers.ContentDisposition = Pager.Attachment("people.xlsx", "人の一覧.xlsx");
        return TypedResults.Bytes(PeopleList.Write(found, all), XlsxTable.ContentType);
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

    public static async Task<RazorComponentResult<PersonEditPage>> EditPersonPageAsync(
        ITenantContext tenant,
        string personId,
        bool? saved,
        PersonStore people,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    )
    {
        var person = await people.GetAsync(tenant.Tenant.Id, personId, cancellationToken);
        var all = await organisations.ListAsync(tenant.Tenant.Id, cancellationToken: cancellationToken);
        return PageResult.For<PersonEditPage, PersonEditModel>(
            new PersonEditModel(tenant.Tenant, person, person, all, null, saved == true)
        );
    }

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<PersonEditPage>>> SavePersonAsync(
        HttpContext http,
        ITenantContext tenant,
        string personId,
        [AsParameters] PersonServices services,
        OrganisationStore organisations,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await services.People.GetAsync(tenantId, personId, cancellationToken);
        var form = await EditForms.ReadAsync(http, cancellationToken);
        var input = new PersonInput(
            form.Text("name"),
            form.Text("reading"),
            form.Text("title"),
            form.Text("organisationId")
        );
        var (person, refusal) = await services.Rules.CheckAsync(tenantId, personId, input, current, cancellationToken);
        if (person is null)
        {
            var typed = current with
            {
                Name = input.Name ?? "",
                Reading = input.Reading,
                Title = input.Title,
                OrganisationId = input.OrganisationId,
            };
            var all = await organisations.ListAsync(tenantId, cancellationToken: cancellationToken);
            var page = PageResult.For<PersonEditPage, PersonEditModel>(
                new PersonEditModel(tenant.Tenant, current, typed, all, EditForms.Messages(refusal), false)
            );
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await services.People.UpdateAsync(tenantId, person, cancellationToken);
        return TypedResults.Redirect($"/{tenantId}/people/{personId}/edit?saved=true");
    }
}
