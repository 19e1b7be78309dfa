using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Export;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Web;

namespace Platform.Core.Bodies;

/// <summary>What the bodies page shows: one page of the bodies of the district filtered by (all without).</summary>
public sealed record BodiesModel(
    TenantInfo Tenant,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<District> Districts,
    string? DistrictFilter = null,
    ListState? List = null
);

/// <summary>The bodies page, <c>/bodies</c>.</summary>
public static class BodyPages
{
    public static void MapBodyPages(this IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/bodies", BodiesPageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();
        tenant
            .MapGet("/bodies/export.xlsx", ExportBodiesAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    /// <summary><c>?districtId=</c> filters, <c>?page=</c> pages.</summary>
    public static async Task<RazorComponentResult<BodiesPage>> BodiesPageAsync(
        ITenantContext tenant,
        string? districtId,
        string? page,
        BodyStore bodies,
        DistrictStore districts,
        CancellationToken cancellationToken
    )
    {
        var district = ListState.Value(districtId);
        var all = await bodies.ListAsync(tenant.Tenant.Id, district, cancellationToken);
        var list = ListState.Of(page, all.Count, BodyList.Links(district));
        return PageResult.For<BodiesPage, BodiesModel>(
            new BodiesModel(
                tenant.Tenant,
                list.Paging.Slice(all),
                await districts.ListAsync(tenant.Tenant.Id, cancellationToken),
                district,
                list
            )
        );
    }

    /// <summary>The bodies the page's filter leaves, every page of them, as an Excel workbook.</summary>
    public static async Task<FileContentHttpResult> ExportBodiesAsync(
        ITenantContext tenant,
        HttpResponse response,
        string? districtId,
        BodyStore bodies,
        DistrictStore districts,
        CancellationToken cancellationToken
    )
    {
        var all = await bodies.ListAsync(tenant.Tenant.Id, ListState.Value(districtId), cancellationToken);
        var names = (await districts.ListAsync(tenant.Tenant.Id, cancellationToken)).ToDictionary(
            d => d.Id,
            d => d.Name
        );
        response.Headers.ContentDisposition = Pager.Attachment("bodies.xlsx", "協議体一覧.xlsx");
        return TypedResults.Bytes(BodyList.Write(all, names), XlsxTable.ContentType);
    }
}
