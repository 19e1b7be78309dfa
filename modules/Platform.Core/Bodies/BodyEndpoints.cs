using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Cadence;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Bodies;

/// <summary>A request to plan a fiscal year's meetings of a body at once: the dates, and what they share.</summary>
public sealed record PlanInput(List<string?>? Dates, string? Title = null, string? Kind = null, List<SlotInput>? Slots = null, string? Venue = null, string? Room = null);

public static class BodyEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        var api = tenant.MapGroup("/api/bodies").WithTags("Bodies");
        api.MapGet("/", (HttpContext http, string? districtId, BodyStore bodies) => bodies.ListAsync(http.Tenant().Id, districtId, http.RequestAborted));
        api.MapPost("/", async (HttpContext http, BodyInput input, BodyStore bodies) =>
        {
            var created = await bodies.CreateAsync(http.Tenant().Id, input, cancellationToken: http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/bodies/{created.Id}", created);
        });
        api.MapGet("/{bodyId}", (HttpContext http, string bodyId, BodyStore bodies) => bodies.GetAsync(http.Tenant().Id, bodyId, http.RequestAborted));
        api.MapPatch("/{bodyId}", async (HttpContext http, string bodyId, BodyInput input, BodyStore bodies, MeetingContext context) =>
        {
            var updated = await bodies.UpdateAsync(http.Tenant().Id, bodyId, input, http.RequestAborted);
            await context.MeetingChangedAsync(http.Tenant().Id, bodyId, http.RequestAborted);
            return updated;
        });
        api.MapPost("/{bodyId}/plan", async (HttpContext http, string bodyId, PlanInput input, BodyStore bodies, MeetingStore meetings, MeetingContext context) =>
        {
            await bodies.GetAsync(http.Tenant().Id, bodyId, http.RequestAborted);
            var template = new MeetingInput(Kind: input.Kind, Title: input.Title, Slots: input.Slots, Venue: input.Venue, Room: input.Room);
            var planned = await meetings.PlanAsync(http.Tenant().Id, bodyId, template, input.Dates ?? [], await context.KindsForAsync(http, bodyId),
                context.SchedulingRules(http), http.RequestAborted);
            await context.MeetingChangedAsync(http.Tenant().Id, bodyId, http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/meetings?bodyId={bodyId}", await context.ViewsAsync(http, planned));
        });
        api.MapGet("/{bodyId}/cadence", async (HttpContext http, string bodyId, string? fiscalYear, BodyStore bodies, CadenceService cadence, TimeProvider time) =>
        {
            var body = await bodies.GetAsync(http.Tenant().Id, bodyId, http.RequestAborted);
            var today = Clock.TodayInJapan(time);
            return await cadence.ForBodyAsync(http.Tenant().Id, body, CadenceEndpoints.ReadFiscalYear(fiscalYear, today), today, http.RequestAborted);
        });
        api.MapGet("/{bodyId}/calendar.ics", async (HttpContext http, string bodyId, BodyStore bodies, MeetingStore meetings, MeetingContext context) =>
        {
            var body = await bodies.GetAsync(http.Tenant().Id, bodyId, http.RequestAborted);
            var list = await meetings.ListAsync(http.Tenant().Id, new MeetingStore.Filter(BodyId: bodyId), http.RequestAborted);
            return Results.Text(Minutes.IcsWriter.Calendar(body.Name, http.Tenant(), await context.ViewsAsync(http, list)), "text/calendar; charset=utf-8");
        });

        tenant.MapGet("/bodies", async (HttpContext http, BodyStore bodies, DistrictStore districts) =>
            new RazorComponentResult<BodiesPage>(new
            {
                Tenant = http.Tenant(),
                Bodies = await bodies.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted),
                Districts = await districts.ListAsync(http.Tenant().Id, http.RequestAborted),
            }))
            .ExcludeFromDescription();
    }
}
