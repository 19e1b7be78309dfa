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

/// <summary>The people page, <c>/people</c>, and each person's, <c>/people/{personId}</c>.</summary>
public static class PersonPages
{
    public static void MapPersonPages(this IEndpointRouteBuilder tenant)
    {
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
}
