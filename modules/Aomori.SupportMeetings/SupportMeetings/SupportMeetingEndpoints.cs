using Aomori.SupportMeetings.Comparison;
using Aomori.SupportMeetings.Rollout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Core.Bodies;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.SupportMeetings;

public sealed record CreateInput(List<string>? PromoterIds = null);

public sealed record RolloutInput(RolloutStep? Step, string? Date = null, string? Note = null);

/// <summary>The module's routes. District routes answer 404 where the module is off there; tenant routes where it is off for the tenant.</summary>
public static class SupportMeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        var api = tenant.MapGroup("/api/districts/{districtId}/support-meeting").WithTags("Aomori.SupportMeetings");
        api.MapGet("/", async (HttpContext http, SupportMeetingBodies supportMeetings, RolloutService rollout, LinkedMeetings linked) =>
        {
            var (tenantId, district) = (http.Tenant().Id, http.District());
            var body = await supportMeetings.FindAsync(tenantId, district.Id, http.RequestAborted);
            return new
            {
                body,
                settings = await supportMeetings.SettingsAsync(tenantId, district.Id),
                rollout = await rollout.GetAsync(tenantId, district.Id),
                linkedMeetings = body is null ? [] : await linked.ForAsync(tenantId, body, http.RequestAborted),
            };
        });
        api.MapPost("/", async (HttpContext http, CreateInput? input, SupportMeetingBodies supportMeetings) =>
        {
            var body = await supportMeetings.CreateAsync(http.Tenant(), http.District(), input?.PromoterIds, http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/bodies/{body.Id}", body);
        });
        api.MapPost("/meetings", async (HttpContext http, MeetingInput input, SupportMeetingBodies supportMeetings, MeetingStore meetings, MeetingContext context) =>
        {
            var body = await supportMeetings.FindAsync(http.Tenant().Id, http.District().Id, http.RequestAborted)
                       ?? throw new PlatformException(409, "support_meeting.not_set_up", "この地区の地域支え合い会議がまだ登録されていません。",
                           "地区の「地域支え合い会議」ページで、5W1Hから会議を登録してください。");
            var created = await meetings.CreateAsync(http.Tenant().Id, input with { BodyId = body.Id }, await context.KindsForAsync(http, body.Id),
                check: context.SchedulingRules(http), cancellationToken: http.RequestAborted);
            await context.MeetingChangedAsync(http.Tenant().Id, body.Id, http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/meetings/{created.Id}", await context.ViewAsync(http, created));
        });
        api.MapPost("/rollout", async (HttpContext http, RolloutInput input, RolloutService rollout) =>
        {
            var errors = new ValidationErrors();
            if (input.Step is null) errors.Add("step", "rollout.step_required", "段階（1〜4）を指定してください。");
            var date = JapaneseDate.Optional(input.Date, errors, "date", "rollout.invalid_date", "日付");
            errors.ThrowIfAny();
            return await rollout.RecordAsync(http.Tenant().Id, http.District().Id, input.Step!.Value, new StepRecord(date, null, input.Note?.Trim()), strict: true);
        });

        tenant.MapGet("/api/support-meetings/rollout", (HttpContext http, RolloutBoard board, TimeProvider time) =>
            board.RowsAsync(http, http.Tenant(), Clock.TodayInJapan(time))).WithTags("Aomori.SupportMeetings");
        tenant.MapGet("/api/support-meetings/comparison", (HttpContext http, bool? all, DistrictStore districts, SupportMeetingBodies supportMeetings,
            DistrictComparison comparison, TimeProvider time) =>
            ComparisonAsync(http, all ?? false, districts, supportMeetings, comparison, time)).WithTags("Aomori.SupportMeetings");

        tenant.MapGet("/districts/{districtId}/support-meetings", async (HttpContext http, SupportMeetingBodies supportMeetings, RolloutService rollout,
            LinkedMeetings linked, MeetingStore meetings, MeetingContext context) =>
        {
            var (tenantId, district) = (http.Tenant().Id, http.District());
            var body = await supportMeetings.FindAsync(tenantId, district.Id, http.RequestAborted);
            var list = body is null ? [] : await meetings.ListAsync(tenantId, new MeetingStore.Filter(BodyId: body.Id), http.RequestAborted);
            return new RazorComponentResult<SupportMeetingsPage>(new
            {
                Tenant = http.Tenant(),
                District = district,
                Settings = await supportMeetings.SettingsAsync(tenantId, district.Id),
                Body = body,
                Rollout = await rollout.GetAsync(tenantId, district.Id),
                Linked = body is null ? [] : await linked.ForAsync(tenantId, body, http.RequestAborted),
                Meetings = await context.ViewsAsync(http, list),
            });
        }).ExcludeFromDescription();
        tenant.MapGet("/support-meetings/rollout", async (HttpContext http, RolloutBoard board, TimeProvider time) =>
            new RazorComponentResult<RolloutPage>(new { Tenant = http.Tenant(), Today = Clock.TodayInJapan(time), Rows = await board.RowsAsync(http, http.Tenant(), Clock.TodayInJapan(time)) }))
            .ExcludeFromDescription();
        tenant.MapGet("/support-meetings/comparison", async (HttpContext http, bool? all, DistrictStore districts, SupportMeetingBodies supportMeetings,
            DistrictComparison comparison, TimeProvider time) =>
            new RazorComponentResult<ComparisonPage>(new
            {
                Tenant = http.Tenant(),
                Rows = await ComparisonAsync(http, all ?? false, districts, supportMeetings, comparison, time),
            }))
            .ExcludeFromDescription();
    }

    /// <summary>The model districts by default (as the design compares its two), every district with a support meeting with <c>all=true</c>.</summary>
    private static async Task<IReadOnlyList<ComparisonRow>> ComparisonAsync(HttpContext http, bool all, DistrictStore districts,
        SupportMeetingBodies supportMeetings, DistrictComparison comparison, TimeProvider time)
    {
        var tenantId = http.Tenant().Id;
        var rows = new List<ComparisonRow>();
        foreach (var district in await districts.ListAsync(tenantId, http.RequestAborted))
        {
            if (!all && !(await supportMeetings.SettingsAsync(tenantId, district.Id)).ModelDistrict) continue;
            if (await comparison.RowAsync(tenantId, district, Clock.TodayInJapan(time), http.RequestAborted) is { } row) rows.Add(row);
        }
        return rows;
    }
}
