using Aomori.SupportMeetings.Comparison;
using Aomori.SupportMeetings.Rollout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>The module's pages: a district's support meeting, the roll-out board, the districts compared.</summary>
public static class SupportMeetingPages
{
    public static void MapSupportMeetingPages(this IEndpointRouteBuilder tenant)
    {
        var pages = tenant
            .MapGroup("")
            .ExcludeFromDescription()
            .RequirePermissions(SupportMeetingPermissions.View, SupportMeetingPermissions.Manage);
        pages.MapGet("/districts/{districtId}/support-meetings", ShowSupportMeetings);
        pages.MapGet("/support-meetings/rollout", ShowRollout);
        pages.MapGet("/support-meetings/comparison", ShowComparison);
    }

    public static async Task<RazorComponentResult<SupportMeetingsPage>> ShowSupportMeetings(
        ITenantContext tenant,
        string districtId,
        [AsParameters] SupportMeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var district = await services.Districts.GetAsync(tenantId, districtId, cancellationToken);
        var body = await services.SupportMeetings.FindAsync(tenantId, districtId, cancellationToken);
        var list = body is null
            ? []
            : await services.Meetings.ListAsync(tenantId, new MeetingFilter(BodyId: body.Id), cancellationToken);
        return PageResult.For<SupportMeetingsPage, SupportMeetingsModel>(
            new SupportMeetingsModel(
                tenant.Tenant,
                district,
                await services.SupportMeetings.SettingsAsync(tenantId, districtId),
                body,
                await services.Rollout.GetAsync(tenantId, districtId),
                body is null ? [] : await services.Linked.ForAsync(tenantId, body, cancellationToken),
                await services.Meetings.ViewsAsync(tenantId, list, cancellationToken)
            )
        );
    }

    public static async Task<RazorComponentResult<RolloutPage>> ShowRollout(
        ITenantContext tenant,
        RolloutBoard board,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var today = Clock.TodayInJapan(time);
        return PageResult.For<RolloutPage, RolloutModel>(
            new RolloutModel(
                tenant.Tenant,
                today,
                await board.RowsAsync(tenant.Tenant, today, cancellationToken),
                await board.CityMeetingsAsync(tenant.Tenant, cancellationToken)
            )
        );
    }

    public static async Task<RazorComponentResult<ComparisonPage>> ShowComparison(
        ITenantContext tenant,
        bool? all,
        [AsParameters] SupportMeetingBoards boards,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<ComparisonPage, ComparisonModel>(
            new ComparisonModel(
                tenant.Tenant,
                await SupportMeetingApi.ComparisonAsync(tenant.Tenant, all ?? false, boards, cancellationToken)
            )
        );
}
