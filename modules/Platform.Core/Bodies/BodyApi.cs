using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Cadence;
using Platform.Core.Meetings;

namespace Platform.Core.Bodies;

/// <summary>A request to plan a fiscal year's meetings of a body at once: the dates, and what they share.</summary>
public sealed record PlanInput(
    List<string?>? Dates,
    string? Title = null,
    string? Kind = null,
    List<SlotInput>? Slots = null,
    string? Venue = null,
    string? Room = null
);

/// <summary>What the body handlers use, bound as one parameter.</summary>
public sealed record BodyServices(
    BodyStore Bodies,
    BodyRules Rules,
    MeetingStore Meetings,
    MeetingRules MeetingRules,
    MeetingContext Context
);

/// <summary><c>/api/bodies</c>: consultative bodies, their year plans, cadence and calendar feeds.</summary>
public static class BodyApi
{
    public static void MapBodyApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api/bodies")
            .WithTags("Bodies")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapGet("/", ListBodies).Describe("listBodies", "協議体の一覧", "List bodies");
        api.MapPost("/", CreateBody)
            .Describe("createBody", "協議体を登録", "Create a body")
            .Refuses(
                400,
                "validation.failed",
                "body.invalid_name",
                "district.not_found",
                "organisation.not_found",
                "body.unknown_kind"
            )
            .Refuses(409, "body.exists");
        api.MapGet("/{bodyId}", GetBody)
            .Describe("getBody", "協議体を取得", "Get a body")
            .Refuses(404, "body.not_found");
        api.MapPatch("/{bodyId}", UpdateBody)
            .Describe("updateBody", "協議体を変更", "Change a body")
            .Refuses(400, "validation.failed", "body.invalid_cadence", "body.counts_itself", "body.unknown_kind")
            .Refuses(404, "body.not_found");
        api.MapPost("/{bodyId}/plan", PlanYear)
            .Describe("planBodyYear", "年度の会議を一括予定", "Plan a year's meetings")
            .Refuses(400, "validation.failed", "meeting.invalid_date", "meeting.kind_not_offered")
            .Refuses(404, "body.not_found");
        api.MapGet("/{bodyId}/cadence", GetCadence)
            .Describe("getBodyCadence", "協議体の開催状況", "A body's cadence")
            .Refuses(400, "cadence.invalid_fiscal_year")
            .Refuses(404, "body.not_found");
        api.MapGet("/{bodyId}/calendar.ics", GetCalendar)
            .Describe("getBodyCalendar", "協議体の会議カレンダー（iCalendar）", "A body's meetings as iCalendar")
            .ProducesFile("text/calendar")
            .Refuses(404, "body.not_found");
    }

    public static async Task<Ok<IReadOnlyList<Body>>> ListBodies(
        ITenantContext tenant,
        string? districtId,
        BodyStore bodies,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await bodies.ListAsync(tenant.Tenant.Id, districtId, cancellationToken));

    public static async Task<Results<Created<Body>, ProblemHttpResult>> CreateBody(
        ITenantContext tenant,
        BodyInput input,
        [AsParameters] BodyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (body, refusal) = await services.Rules.CheckAsync(tenantId, Ids.New(), input, null, cancellationToken);
        if (body is null)
            return refusal.ToProblem();
        await services.Bodies.CreateAsync(tenantId, body, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/bodies/{body.Id}", body);
    }

    public static async Task<Ok<Body>> GetBody(
        ITenantContext tenant,
        string bodyId,
        BodyStore bodies,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await bodies.GetAsync(tenant.Tenant.Id, bodyId, cancellationToken));

    public static async Task<Results<Ok<Body>, ProblemHttpResult>> UpdateBody(
        ITenantContext tenant,
        string bodyId,
        BodyInput input,
        [AsParameters] BodyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await services.Bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var (body, refusal) = await services.Rules.CheckAsync(tenantId, bodyId, input, current, cancellationToken);
        if (body is null)
            return refusal.ToProblem();
        await services.Bodies.UpdateAsync(tenantId, body, cancellationToken);
        await services.Context.MeetingChangedAsync(tenantId, bodyId, cancellationToken);
        return TypedResults.Ok(body);
    }

    public static async Task<Results<Created<IReadOnlyList<MeetingView>>, ProblemHttpResult>> PlanYear(
        ITenantContext tenant,
        string bodyId,
        PlanInput input,
        [AsParameters] BodyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        await services.Bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var template = new MeetingInput(
            Kind: input.Kind,
            Title: input.Title,
            Slots: input.Slots,
            Venue: input.Venue,
            Room: input.Room
        );
        var kinds = await services.Context.KindsForAsync(tenantId, bodyId, cancellationToken);
        var (planned, refusal) = await services.MeetingRules.CheckPlanAsync(
            tenantId,
            bodyId,
            template,
            input.Dates ?? [],
            kinds,
            cancellationToken
        );
        if (planned is null)
            return refusal.ToProblem();
        var scheduling = services.Context.SchedulingRules(tenantId, cancellationToken);
        foreach (var meeting in planned)
            await scheduling(meeting);
        await services.Meetings.PlanAsync(tenantId, planned, cancellationToken);
        await services.Context.MeetingChangedAsync(tenantId, bodyId, cancellationToken);
        return TypedResults.Created(
            $"/{tenantId}/api/meetings?bodyId={bodyId}",
            await services.Context.ViewsAsync(tenantId, planned, cancellationToken)
        );
    }

    public static async Task<Ok<BodyCadence>> GetCadence(
        ITenantContext tenant,
        string bodyId,
        string? fiscalYear,
        BodyStore bodies,
        CadenceService cadence,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var body = await bodies.GetAsync(tenant.Tenant.Id, bodyId, cancellationToken);
        var today = Clock.TodayInJapan(time);
        var year = CadenceApi.ReadFiscalYear(fiscalYear, today);
        return TypedResults.Ok(await cadence.ForBodyAsync(tenant.Tenant.Id, body, year, today, cancellationToken));
    }

    public static async Task<ContentHttpResult> GetCalendar(
        ITenantContext tenant,
        string bodyId,
        [AsParameters] BodyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var body = await services.Bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var list = await services.Meetings.ListAsync(
            tenantId,
            new MeetingStore.Filter(BodyId: bodyId),
            cancellationToken
        );
        var views = await services.Context.ViewsAsync(tenantId, list, cancellationToken);
        return TypedResults.Text(
            Minutes.IcsWriter.Calendar(body.Name, tenant.Tenant, views),
            "text/calendar; charset=utf-8"
        );
    }
}
