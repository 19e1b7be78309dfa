using Aomori.SupportMeetings.Comparison;
using Aomori.SupportMeetings.Rollout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>Registers a district's support meeting; its promoters are found in the district if not named.</summary>
public sealed record CreateInput(List<string>? PromoterIds = null);

/// <summary>A roll-out step recorded by hand, with its date and a note when no meeting shows it.</summary>
public sealed record RolloutInput(RolloutStep? Step, string? Date = null, string? Note = null);

/// <summary>The month by which a step is planned in a district: 2019-04, 平成31年4月, full-width digits; blank
/// clears it.</summary>
public sealed record RolloutTargetInput(string? Step, string? Month = null);

/// <summary>A district's support meeting as the API answers it.</summary>
public sealed record SupportMeetingAnswer(
    Body? Body,
    SupportMeetingSettings Settings,
    RolloutState Rollout,
    IReadOnlyList<LinkedMeeting> LinkedMeetings
);

/// <summary>What the district's support-meeting handlers use, bound as one parameter.</summary>
public sealed record SupportMeetingServices(
    SupportMeetingBodies SupportMeetings,
    SupportMeetingRules Rules,
    RolloutService Rollout,
    LinkedMeetings Linked,
    IDistricts Districts,
    IMeetings Meetings
);

/// <summary>What the tenant-wide views (roll-out board, comparison) use, bound as one parameter.</summary>
public sealed record SupportMeetingBoards(
    RolloutBoard Board,
    IDistricts Districts,
    SupportMeetingBodies SupportMeetings,
    DistrictComparison Comparison,
    TimeProvider Time
);

/// <summary>
/// The module's API. District routes answer 404 where the module is off there; tenant routes where it is off for
/// the tenant.
/// </summary>
public static class SupportMeetingApi
{
    public const string Tag = "Aomori.SupportMeetings";

    public static void MapSupportMeetingApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api/districts/{districtId}/support-meeting")
            .WithTags(Tag)
            .RequirePermissions(SupportMeetingPermissions.View, SupportMeetingPermissions.Manage);
        api.MapGet("/", GetSupportMeeting)
            .Describe("getSupportMeeting", "地区の地域支え合い会議", "A district's support meeting")
            .Refuses(404, "module.disabled");
        api.MapPost("/", CreateSupportMeeting)
            .Describe(
                "createSupportMeeting",
                "地域支え合い会議を5W1Hから登録",
                "Register a district's support meeting from the design"
            )
            .Refuses(400, "person.not_found")
            .Refuses(404, "district.not_found", "module.disabled")
            .Refuses(409, "support_meeting.exists");
        api.MapPost("/meetings", ScheduleSupportMeeting)
            .Describe("scheduleSupportMeeting", "地域支え合い会議を予定", "Schedule a support meeting")
            .Refuses(400, "validation.failed", "meeting.invalid_date", "meeting.date_required", "meeting.unknown_kind")
            .Refuses(404, "module.disabled")
            .Refuses(409, "support_meeting.not_set_up");
        api.MapPost("/rollout", RecordRolloutStep)
            .Describe("recordSupportMeetingRolloutStep", "導入の段階を記録", "Record a roll-out step")
            .Refuses(400, "validation.failed", "rollout.step_required", "rollout.invalid_date")
            .Refuses(404, "module.disabled")
            .Refuses(409, "rollout.step_skipped");
        api.MapPost("/rollout/targets", PlanRolloutStep)
            .Describe("planSupportMeetingRolloutStep", "導入の段階の目標月を設定", "Set a roll-out step's target month")
            .Refuses(400, "validation.failed", "rollout.step_required", "rollout.invalid_month")
            .Refuses(404, "district.not_found", "module.disabled");

        var boards = tenant
            .MapGroup("/api/support-meetings")
            .WithTags(Tag)
            .RequirePermissions(SupportMeetingPermissions.View, SupportMeetingPermissions.Manage);
        boards
            .MapGet("/rollout", GetRolloutBoard)
            .Describe("getSupportMeetingRollout", "全地区への展開状況", "Roll-out across the districts")
            .Refuses(404, "module.disabled");
        boards
            .MapGet("/comparison", GetComparison)
            .Describe("getSupportMeetingComparison", "地区の特徴の比較", "Districts compared")
            .Refuses(404, "module.disabled");
    }

    public static async Task<Ok<SupportMeetingAnswer>> GetSupportMeeting(
        ITenantContext tenant,
        string districtId,
        [AsParameters] SupportMeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var body = await services.SupportMeetings.FindAsync(tenantId, districtId, cancellationToken);
        return TypedResults.Ok(
            new SupportMeetingAnswer(
                body,
                await services.SupportMeetings.SettingsAsync(tenantId, districtId),
                await services.Rollout.GetAsync(tenantId, districtId),
                body is null ? [] : await services.Linked.ForAsync(tenantId, body, cancellationToken)
            )
        );
    }

    public static async Task<Results<Created<Body>, ProblemHttpResult>> CreateSupportMeeting(
        ITenantContext tenant,
        string districtId,
        CreateInput? input,
        [AsParameters] SupportMeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var district = await services.Districts.GetAsync(tenantId, districtId, cancellationToken);
        await services.SupportMeetings.RefuseSecondAsync(tenantId, district, cancellationToken);
        var refusal = await services.Rules.CheckAsync(tenantId, input, cancellationToken);
        if (refusal.Any)
            return refusal.ToProblem();
        var body = await services.SupportMeetings.CreateAsync(
            tenant.Tenant,
            district,
            input?.PromoterIds,
            cancellationToken
        );
        return TypedResults.Created($"/{tenantId}/api/bodies/{body.Id}", body);
    }

    public static async Task<Results<Created<MeetingView>, ProblemHttpResult>> ScheduleSupportMeeting(
        ITenantContext tenant,
        string districtId,
        MeetingInput input,
        [AsParameters] SupportMeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        if (await services.SupportMeetings.FindAsync(tenantId, districtId, cancellationToken) is not { } body)
            return SupportMeetingRules.NotSetUp().ToProblem();
        var created = await services.Meetings.PlanAsync(tenantId, input with { BodyId = body.Id }, cancellationToken);
        var views = await services.Meetings.ViewsAsync(tenantId, [created], cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/meetings/{created.Id}", views[0]);
    }

    public static async Task<Results<Ok<RolloutState>, ProblemHttpResult>> RecordRolloutStep(
        ITenantContext tenant,
        string districtId,
        RolloutInput input,
        RolloutService rollout
    )
    {
        var (step, record, refusal) = SupportMeetingRules.Check(input);
        if (step is null || record is null)
            return refusal.ToProblem();
        var state = await rollout.RecordAsync(tenant.Tenant.Id, districtId, step.Value, record, strict: true);
        return TypedResults.Ok(state);
    }

    public static async Task<Results<Ok<RolloutState>, ProblemHttpResult>> PlanRolloutStep(
        ITenantContext tenant,
        string districtId,
        RolloutTargetInput input,
        [AsParameters] SupportMeetingServices services
    )
    {
        var (step, month, refusal) = SupportMeetingRules.Check(input);
        if (step is null)
            return refusal.ToProblem();
        await services.Districts.GetAsync(tenant.Tenant.Id, districtId);
        return TypedResults.Ok(await services.Rollout.PlanAsync(tenant.Tenant.Id, districtId, step.Value, month));
    }

    public static async Task<Ok<IReadOnlyList<RolloutRow>>> GetRolloutBoard(
        ITenantContext tenant,
        RolloutBoard board,
        TimeProvider time,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await board.RowsAsync(tenant.Tenant, Clock.TodayInJapan(time), cancellationToken));

    public static async Task<Ok<IReadOnlyList<ComparisonRow>>> GetComparison(
        ITenantContext tenant,
        bool? all,
        [AsParameters] SupportMeetingBoards boards,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await ComparisonAsync(tenant.Tenant, all ?? false, boards, cancellationToken));

    /// <summary>
    /// The model districts by default (as the design compares its two), every district with a support meeting with
    /// <c>all=true</c>.
    /// </summary>
    internal static async Task<IReadOnlyList<ComparisonRow>> ComparisonAsync(
        TenantInfo tenant,
        bool all,
        SupportMeetingBoards boards,
        CancellationToken cancellationToken
    )
    {
        var rows = new List<ComparisonRow>();
        var today = Clock.TodayInJapan(boards.Time);
        foreach (var district in await boards.Districts.ListAsync(tenant.Id, cancellationToken))
        {
            if (!all && !(await boards.SupportMeetings.SettingsAsync(tenant.Id, district.Id)).ModelDistrict)
                continue;
            if (await boards.Comparison.RowAsync(tenant.Id, district, today, cancellationToken) is { } row)
                rows.Add(row);
        }
        return rows;
    }
}
