using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Storage;

namespace Platform.Core.Cadence;

/// <summary>What the dashboard shows: today, and each district's row.</summary>
public sealed record DashboardModel(TenantInfo Tenant, DateOnly Today, IReadOnlyList<DashboardRow> Rows);

/// <summary>The tenant's dashboard, <c>/dashboard</c>.</summary>
public static class CadencePages
{
    public static void MapCadencePages(this IEndpointRouteBuilder tenant) =>
        tenant
            .MapGet("/dashboard", DashboardPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();

    public static async Task<RazorComponentResult<DashboardPage>> DashboardPageAsync(
        ITenantContext tenant,
        [AsParameters] CadenceServices services,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<DashboardPage, DashboardModel>(
            new DashboardModel(
                tenant.Tenant,
                Clock.TodayInJapan(services.Time),
                await CadenceApi.DashboardAsync(tenant.Tenant.Id, services, cancellationToken)
            )
        );
}
