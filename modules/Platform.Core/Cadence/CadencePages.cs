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
using Platform.Core.Storage;
using Platform.Core.Web;

namespace Platform.Core.Cadence;

/// <summary>What the dashboard shows: today, and each district's row (those the filters leave, one page).</summary>
public sealed record DashboardModel(
    TenantInfo Tenant,
    DateOnly Today,
    IReadOnlyList<DashboardRow> Rows,
    IReadOnlyList<District>? Districts = null,
    string? DistrictFilter = null,
    string? StatusFilter = null,
    ListState? List = null
);

/// <summary>The tenant's dashboard, <c>/dashboard</c>.</summary>
public static class CadencePages
{
    public static void MapCadencePages(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/dashboard", DashboardPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
        tenant
            .MapGet("/dashboard/export.xlsx", ExportDashboardAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    /// <summary><c>?districtId=</c> and <c>?status=</c> filter, <c>?page=</c> pages.</summary>
    public static async Task<RazorComponentResult<DashboardPage>> DashboardPageAsync(
        ITenantContext tenant,
        string? districtId,
        string? status,
        string? page,
        [AsParameters] CadenceServices services,
        CancellationToken cancellationToken
    )
    {
        var notices = new List<string>();
        var district = ListState.Value(districtId);
        var state = DashboardList.Status(status, notices);
        var rows = DashboardList.Filter(
            await CadenceApi.DashboardAsync(tenant.Tenant.Id, services, cancellationToken),
            district,
            state
        );
        var list = ListState.Of(page, rows.Count, DashboardList.Links(district, state), notices);
        return PageResult.For<DashboardPage, DashboardModel>(
            new DashboardModel(
                tenant.Tenant,
                Clock.TodayInJapan(services.Time),
                list.Paging.Slice(rows),
                await services.Districts.ListAsync(tenant.Tenant.Id, cancellationToken),
                district,
                state,
                list
            )
        );
    }

    /// <summary>The dashboard's rows the filters leave, as an Excel workbook.</summary>
    public static async Task<FileContentHttpResult> ExportDashboardAsync(
        ITenantContext tenant,
        HttpResponse response,
        string? districtId,
        string? status,
        [AsParameters] CadenceServices services,
        CancellationToken cancellationToken
    )
    {
        var rows = DashboardList.Filter(
            await CadenceApi.DashboardAsync(tenant.Tenant.Id, services, cancellationToken),
            ListState.Value(districtId),
            DashboardList.Status(status, [])
        );
        response.Headers.ContentDisposition = Pager.Attachment("dashboard.xlsx", "開催状況.xlsx");
        return TypedResults.Bytes(DashboardList.Write(rows), XlsxTable.ContentType);
    }
}
