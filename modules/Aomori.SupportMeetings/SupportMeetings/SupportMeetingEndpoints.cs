using Aomori.SupportMeetings.Comparison;
using Aomori.SupportMeetings.Rollout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Abstractions.Pages;

namespace Aomori.SupportMeetings.SupportMeetings;

public sealed record CreateInput(List<string>? PromoterIds = null);

public sealed record RolloutInput(RolloutStep? Step, string? Date = null, string? Note = null);

/// <summary>The module's routes. District routes answer 404 where the module is off there; tenant routes where it is off for the tenant.</summary>
public static class SupportMeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(SupportMeetingPermissions.View, SupportMeetingPermissions.Manage);
        var api = tenant.MapGroup("/api/districts/{districtId}/support-meeting").WithTags("Aomori.SupportMeetings");
        api.MapGet("/", GetAsync);
        api.MapPost("/", CreateAsync);
        api.MapPost("/meetings", ScheduleAsync);
        api.MapPost("/rollout", RecordStepAsync);
        tenant.MapGet("/api/support-meetings/rollout", (ITenantContext t, RolloutBoard board, TimeProvider time, CancellationToken cancellationToken) =>
            board.RowsAsync(t.Tenant, Clock.TodayInJapan(time), cancellationToken)).WithTags("Aomori.SupportMeetings");
        tenant.MapGet("/api/support-meetings/comparison", (ITenantContext t, bool? all, IDistricts districts, SupportMeetingBodies supportMeetings,
            DistrictComparison comparison, TimeProvider time, CancellationToken cancellationToken) =>
            ComparisonAsync(t.Tenant, all ?? false, districts, supportMeetings, comparison, time, cancellationToken)).WithTags("Aomori.SupportMeetings");

        tenant.MapGet("/districts/{districtId}/support-meetings", PageAsync).ExcludeFromDescription();
        tenant.MapGet("/support-meetings/rollout", async (ITenantContext t, RolloutBoard board, TimeProvider time, CancellationToken cancellationToken) =>
            PageResult.For<RolloutPage, RolloutModel>(new RolloutModel(t.Tenant, Clock.TodayInJapan(time),
                await board.RowsAsync(t.Tenant, Clock.TodayInJapan(time), cancellationToken))))
            .ExcludeFromDescription();
        tenant.MapGet("/support-meetings/comparison", async (ITenantContext t, bool? all, IDistricts districts, SupportMeetingBodies supportMeetings,
            DistrictComparison comparison, TimeProvider time, CancellationToken cancellationToken) =>
            PageResult.For<ComparisonPage, ComparisonModel>(new ComparisonModel(t.Tenant,
                await ComparisonAsync(t.Tenant, all ?? false, districts, supportMeetings, comparison, time, cancellationToken))))
            .ExcludeFromDescription();
    }

    private static async Task<object> GetAsync(ITenantContext t, string districtId, SupportMeetingBodies supportMeetings, RolloutService rollout,
        LinkedMeetings linked, CancellationToken cancellationToken)
    {
        var tenantId = t.Tenant.Id;
        var body = await supportMeetings.FindAsync(tenantId, districtId, cancellationToken);
        return new
        {
            body,
            settings = await supportMeetings.SettingsAsync(tenantId, districtId),
            rollout = await rollout.GetAsync(tenantId, districtId),
            linkedMeetings = body is null ? [] : await linked.ForAsync(tenantId, body, cancellationToken),
        };
    }

    private static async Task<IResult> CreateAsync(ITenantContext t, string districtId, CreateInput? input, IDistricts districts,
        SupportMeetingBodies supportMeetings, CancellationToken cancellationToken)
    {
        var district = await districts.GetAsync(t.Tenant.Id, districtId, cancellationToken);
        var body = await supportMeetings.CreateAsync(t.Tenant, district, input?.PromoterIds, cancellationToken);
        return Results.Created($"/{t.Tenant.Id}/api/bodies/{body.Id}", body);
    }

    private static async Task<IResult> ScheduleAsync(ITenantContext t, string districtId, MeetingInput input, SupportMeetingBodies supportMeetings,
        IMeetings meetings, CancellationToken cancellationToken)
    {
        var body = await supportMeetings.FindAsync(t.Tenant.Id, districtId, cancellationToken)
                   ?? throw new PlatformException(409, "support_meeting.not_set_up", "この地区の地域支え合い会議がまだ登録されていません。",
                       "地区の「地域支え合い会議」ページで、5W1Hから会議を登録してください。");
        var created = await meetings.PlanAsync(t.Tenant.Id, input with { BodyId = body.Id }, cancellationToken);
        return Results.Created($"/{t.Tenant.Id}/api/meetings/{created.Id}", (await meetings.ViewsAsync(t.Tenant.Id, [created], cancellationToken))[0]);
    }

    private static async Task<RolloutState> RecordStepAsync(ITenantContext t, string districtId, RolloutInput input, RolloutService rollout)
    {
        var errors = new ValidationErrors();
        if (input.Step is null) errors.Add("step", "rollout.step_required", "段階（1〜4）を指定してください。");
        var date = JapaneseDate.Optional(input.Date, errors, "date", "rollout.invalid_date", "日付");
        errors.ThrowIfAny();
        return await rollout.RecordAsync(t.Tenant.Id, districtId, input.Step!.Value, new StepRecord(date, null, input.Note?.Trim()), strict: true);
    }

    private static async Task<RazorComponentResult<SupportMeetingsPage>> PageAsync(ITenantContext t, string districtId, IDistricts districts,
        SupportMeetingBodies supportMeetings, RolloutService rollout, LinkedMeetings linked, IMeetings meetings, CancellationToken cancellationToken)
    {
        var tenantId = t.Tenant.Id;
        var district = await districts.GetAsync(tenantId, districtId, cancellationToken);
        var body = await supportMeetings.FindAsync(tenantId, districtId, cancellationToken);
        var list = body is null ? [] : await meetings.ListAsync(tenantId, new MeetingFilter(BodyId: body.Id), cancellationToken);
        return PageResult.For<SupportMeetingsPage, SupportMeetingsModel>(new SupportMeetingsModel(t.Tenant, district,
            await supportMeetings.SettingsAsync(tenantId, districtId), body, await rollout.GetAsync(tenantId, districtId),
            body is null ? [] : await linked.ForAsync(tenantId, body, cancellationToken), await meetings.ViewsAsync(tenantId, list, cancellationToken)));
    }

    /// <summary>The model districts by default (as the design compares its two), every district with a support meeting with <c>all=true</c>.</summary>
    private static async Task<IReadOnlyList<ComparisonRow>> ComparisonAsync(TenantInfo tenant, bool all, IDistricts districts,
        SupportMeetingBodies supportMeetings, DistrictComparison comparison, TimeProvider time, CancellationToken cancellationToken)
    {
        var rows = new List<ComparisonRow>();
        foreach (var district in await districts.ListAsync(tenant.Id, cancellationToken))
        {
            if (!all && !(await supportMeetings.SettingsAsync(tenant.Id, district.Id)).ModelDistrict) continue;
            if (await comparison.RowAsync(tenant.Id, district, Clock.TodayInJapan(time), cancellationToken) is { } row) rows.Add(row);
        }
        return rows;
    }
}
