using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Export;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Records;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Platform.Resources.Resources;

public sealed record PublishedCategory(string Name, IReadOnlyList<Resource> Resources);

public sealed record PublishedDistrict(string Name, IReadOnlyList<PublishedCategory> Categories);

/// <summary>The pages: the catalogue, the booklet, the showcase, a meeting's opinions, the public page.</summary>
public static class ResourcePages
{
    public static void MapResourcePages(this IEndpointRouteBuilder tenant)
    {
        var pages = tenant
            .MapGroup("")
            .ExcludeFromDescription()
            .RequirePermissions(ResourcePermissions.View, ResourcePermissions.Manage);
        pages.MapGet("/resources", ShowCatalogue);
        pages.MapGet("/resources/export.xlsx", ExportCatalogue);
        pages.MapGet("/resources/booklet", ShowBooklet);
        // For care managers, without signing in: only published resources and consented contacts are on it.
        pages.MapGet("/public/resources", ShowPublic).AllowAnonymous();
        pages.MapGet("/resources/showcase", ShowShowcase);
        pages.MapGet("/resources/meetings/{meetingId}", ShowMeetingResources);
        pages.MapGet("/resources/{resourceId}/edit", ShowEditor).RequirePermission(ResourcePermissions.Manage);
    }

    /// <summary>A resource's form: a resource made from an opinion is named after the whole sentence until renamed.</summary>
    public static async Task<RazorComponentResult<EditPage>> ShowEditor(
        ITenantContext tenant,
        string resourceId,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        return PageResult.For<EditPage, EditModel>(
            new EditModel(
                tenant.Tenant,
                await store.GetAsync(tenantId, resourceId, cancellationToken),
                await districts.ListAsync(tenantId, cancellationToken),
                await store.CategoriesAsync(tenantId, cancellationToken)
            )
        );
    }

    /// <summary>Filters by <c>districtId</c>, <c>categoryId</c>, <c>q</c> and <c>status</c>; pages by
    /// <c>page</c>.</summary>
    public static async Task<RazorComponentResult<CataloguePage>> ShowCatalogue(
        ITenantContext tenant,
        [AsParameters] ResourceListQuery query,
        ResourceStore store,
        IDistricts districts,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var today = Clock.TodayInJapan(time);
        var (filter, notices) = query.Read();
        var all = await store.ListAsync(tenantId, filter, cancellationToken);
        var paging = Paging.Of(query.Page, all.Count, out var pageNotice);
        if (pageNotice is not null)
            notices.Add(pageNotice);
        return PageResult.For<CataloguePage, CatalogueModel>(
            new CatalogueModel(
                tenant.Tenant,
                paging.Slice(all),
                all.Where(r => ResourceStore.NeedsReview(r, today)).ToList(),
                await districts.ListAsync(tenantId, cancellationToken),
                await store.CategoriesAsync(tenantId, cancellationToken),
                filter.DistrictId,
                filter.CategoryId,
                filter.Query,
                new ResourceListState(filter.Status, paging, ResourceListQuery.Links(filter), notices)
            )
        );
    }

    /// <summary>The resources the catalogue's filters leave, every page of them, as an Excel workbook.</summary>
    public static async Task<FileContentHttpResult> ExportCatalogue(
        ITenantContext tenant,
        HttpResponse response,
        [AsParameters] ResourceListQuery query,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (filter, _) = query.Read();
        var all = await store.ListAsync(tenantId, filter, cancellationToken);
        response.Headers.ContentDisposition = Pager.Attachment("resources.xlsx", "お宝一覧.xlsx");
        return TypedResults.Bytes(
            ResourceListXlsx.Write(
                all,
                await districts.ListAsync(tenantId, cancellationToken),
                await store.CategoriesAsync(tenantId, cancellationToken)
            ),
            XlsxTable.ContentType
        );
    }

    public static async Task<RazorComponentResult<BookletPage>> ShowBooklet(
        ITenantContext tenant,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<BookletPage, PublishedModel>(
            await PublishedModelAsync(tenant.Tenant, store, districts, cancellationToken)
        );

    public static async Task<RazorComponentResult<PublicPage>> ShowPublic(
        ITenantContext tenant,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<PublicPage, PublishedModel>(
            await PublishedModelAsync(tenant.Tenant, store, districts, cancellationToken)
        );

    public static async Task<RazorComponentResult<ShowcasePage>> ShowShowcase(
        ITenantContext tenant,
        string? ids,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var resources = new List<Resource>();
        foreach (var id in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            resources.Add(await store.GetAsync(tenantId, id, cancellationToken));
        var (districtNames, categoryNames) = await ResourceApi.NamesAsync(
            tenantId,
            store,
            districts,
            cancellationToken
        );
        return PageResult.For<ShowcasePage, ShowcaseModel>(
            new ShowcaseModel(tenant.Tenant, resources, districtNames, categoryNames)
        );
    }

    public static async Task<RazorComponentResult<MeetingResourcesPage>> ShowMeetingResources(
        ITenantContext tenant,
        string meetingId,
        IMeetings meetings,
        IMeetingRecords records,
        ResourceStore store,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var record = await records.ReadAsync(tenantId, meeting, cancellationToken);
        var found = (await store.ListAsync(tenantId, new ResourceStore.Filter(), cancellationToken))
            .Where(r => r.MeetingId == meetingId && r.OpinionId is not null)
            .ToDictionary(r => r.OpinionId!);
        return PageResult.For<MeetingResourcesPage, MeetingResourcesModel>(
            new MeetingResourcesModel(tenant.Tenant, meeting, record, found)
        );
    }

    private static async Task<PublishedModel> PublishedModelAsync(
        TenantInfo tenant,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    )
    {
        var (districtNames, categoryNames) = await ResourceApi.NamesAsync(
            tenant.Id,
            store,
            districts,
            cancellationToken
        );
        var published = await store.ListAsync(
            tenant.Id,
            new ResourceStore.Filter(Status: ResourceStatus.Published),
            cancellationToken
        );
        var order = (await districts.ListAsync(tenant.Id, cancellationToken))
            .Select((d, i) => (d.Id, i))
            .ToDictionary(x => x.Id, x => x.i);
        var groups = published
            .GroupBy(r => r.DistrictId ?? "")
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue))
            .Select(g => new PublishedDistrict(
                g.Key.Length == 0 ? "全域" : districtNames.GetValueOrDefault(g.Key, g.Key),
                g.GroupBy(r => r.CategoryId)
                    .Select(c => new PublishedCategory(categoryNames.GetValueOrDefault(c.Key, c.Key), c.ToList()))
                    .ToList()
            ))
            .ToList();
        return new PublishedModel(tenant, groups);
    }
}
