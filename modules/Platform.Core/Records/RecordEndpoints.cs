using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Audit;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Modules;
using Platform.Core.Privacy;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Records;

/// <summary>
/// Recording a meeting: agenda items, opinions and comments go through the meeting's grain; the recorders' pages
/// follow the record through a server-sent event stream (<c>record/events</c>), which resumes from the last entry
/// seen after a reconnect, and re-sends an item whose showing changed (<c>revised</c>: a withdrawal, a new level).
/// </summary>
public sealed record TemplateInput(string? TemplateId);

public static class RecordEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        var api = tenant.MapGroup("/api/meetings/{meetingId}").WithTags("Records");
        api.MapGet("/record", async (HttpContext http, string meetingId, MeetingStore meetings, Disclosure disclosure) =>
        {
            var meeting = await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            var record = await disclosure.RecordAsync(http, meeting);
            return new { lastSeq = record.Agenda.Select(a => a.Seq).Concat(record.Opinions.Select(o => o.Seq)).Concat(record.Comments.Select(c => c.Seq)).DefaultIfEmpty(0).Max(), record };
        });
        api.MapPost("/agenda", async (HttpContext http, string meetingId, AgendaItemInput input, IGrainFactory grains, MeetingStore meetings) =>
            Accepted(http, await InBatchAsync(() => Grain(http, meetingId, grains, meetings).AddAgendaItem(input.Title ?? ""))))
            .RequirePermission(CorePermissions.Record);
        api.MapPost("/opinions", async (HttpContext http, string meetingId, OpinionInput input, IGrainFactory grains, MeetingStore meetings, Disclosure disclosure) =>
        {
            var (level, basis) = CheckPrivacy(input.Sensitivity, input.Basis);
            var result = await InBatchAsync(() => Grain(http, meetingId, grains, meetings).AddOpinion(input with { Sensitivity = level, Basis = basis }));
            return Accepted(http, await AsSeenAsync(http, meetingId, result, level, meetings, disclosure));
        }).RequirePermission(CorePermissions.Record);
        api.MapPost("/comments", async (HttpContext http, string meetingId, CommentInput input, IGrainFactory grains, MeetingStore meetings, Disclosure disclosure) =>
        {
            var (level, basis) = CheckPrivacy(input.Sensitivity, input.Basis);
            var result = await InBatchAsync(() => Grain(http, meetingId, grains, meetings).AddComment(input with { Sensitivity = level, Basis = basis }));
            return Accepted(http, await AsSeenAsync(http, meetingId, result, level, meetings, disclosure));
        }).RequirePermission(CorePermissions.Record);
        api.MapGet("/record/events", StreamAsync).ExcludeFromDescription();
        api.MapGet("/agenda-templates", async (HttpContext http, string meetingId, MeetingStore meetings, BodyStore bodies, ModuleGate gate) =>
            await TemplatesAsync(http, await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted), bodies, gate));
        api.MapPost("/agenda/from-template", async (HttpContext http, string meetingId, TemplateInput input, MeetingStore meetings, BodyStore bodies,
            ModuleGate gate, IGrainFactory grains) =>
        {
            var meeting = await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            var template = (await TemplatesAsync(http, meeting, bodies, gate)).FirstOrDefault(t => t.Id == input.TemplateId)
                ?? throw new ValidationErrors().Add("templateId", "agenda.unknown_template", "議題のテンプレートが見つかりません。").ToException();
            var grain = Grain(http, meetingId, grains, meetings);
            var entries = new List<RecordEntry>();
            foreach (var item in template.Items)
            {
                var result = await InBatchAsync(() => grain.AddAgendaItem(item));
                if (result.Entry is null) Accepted(http, result);
                entries.Add(result.Entry!);
            }
            return Results.Created((string?)null, entries);
        }).RequirePermission(CorePermissions.Record);

        api.MapPost("/actions", async (HttpContext http, string meetingId, ActionItemInput input, MeetingStore meetings, RecordStore records, Disclosure disclosure,
            TimeProvider time) =>
        {
            var meeting = await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            var record = await disclosure.RecordAsync(http, meeting);
            var action = await records.CreateActionAsync(http.Tenant().Id, meeting, input, record, Clock.TodayInJapan(time), http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/actions/{action.Id}", action);
        });
        var actions = tenant.MapGroup("/api/actions").WithTags("Records");
        actions.MapGet("/", async (HttpContext http, string? bodyId, ActionStatus? status, RecordStore records, Disclosure disclosure) =>
            await disclosure.ActionsAsync(http, await records.ListActionsAsync(http.Tenant().Id, bodyId, status, http.RequestAborted)));
        actions.MapPost("/{actionId}/status", async (HttpContext http, string actionId, ActionStatusInput input, RecordStore records, Disclosure disclosure, TimeProvider time) =>
            (await disclosure.ActionsAsync(http, [await records.SetActionStatusAsync(http.Tenant().Id, actionId, input.Status, Clock.TodayInJapan(time), http.RequestAborted)]))[0]);
    }

    /// <summary>The agenda templates of the modules in effect for a meeting (in its body's district).</summary>
    private static async Task<IReadOnlyList<AgendaTemplate>> TemplatesAsync(HttpContext http, Meeting meeting, BodyStore bodies, ModuleGate gate) =>
        await TemplatesAsync(http, (await bodies.GetAsync(http.Tenant().Id, meeting.BodyId, http.RequestAborted)).DistrictId, gate);

    internal static async Task<IReadOnlyList<AgendaTemplate>> TemplatesAsync(HttpContext http, string? districtId, ModuleGate gate) =>
        (await gate.InEffectAsync(http.RequestServices.GetServices<IAgendaTemplateSource>(), http.Tenant().Id, districtId)).SelectMany(s => s.Templates).ToList();

    /// <summary>
    /// Records through the meeting grain, which writes the request's audit row in the batch that stores the entry;
    /// the first entry of a request carries it, later ones of the same request need none.
    /// </summary>
    private static async Task<RecordResult> InBatchAsync(Func<Task<RecordResult>> record)
    {
        var audit = PendingAudit.Current;
        audit?.Answering(StatusCodes.Status201Created);
        audit?.PassToGrain();
        var result = await record();
        if (result.Entry is not null) audit?.WrittenByGrain();
        return result;
    }

    private static IMeetingGrain Grain(HttpContext http, string meetingId, IGrainFactory grains, MeetingStore meetings)
    {
        // The grain would refuse an unknown meeting too; checking the id's shape first keeps junk ids from activating grains.
        if (!Ids.IsValid(meetingId)) throw PlatformException.NotFound("meeting.not_found", "会議");
        return grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(http.Tenant().Id, meetingId));
    }

    /// <summary>
    /// The accepted entry as its recorder may see it, when it is a resident's information. Other levels come back as typed:
    /// checking them would cost every opinion of a meeting several reads for nothing the recorder does not already know.
    /// </summary>
    private static async Task<RecordResult> AsSeenAsync(HttpContext http, string meetingId, RecordResult result, Sensitivity level, MeetingStore meetings,
        Disclosure disclosure) =>
        result.Entry is { } entry && level.IsPersonal()
            ? result with { Entry = await disclosure.EntryAsync(http, await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted), entry) }
            : result;

    private static (Sensitivity, PersonalBasis?) CheckPrivacy(Sensitivity? level, PersonalBasis? basis)
    {
        var errors = new ValidationErrors();
        var checkedLevel = PersonalBasis.Check(level, basis, errors);
        errors.ThrowIfAny();
        return checkedLevel;
    }

    private static IResult Accepted(HttpContext http, RecordResult result)
    {
        if (result.Entry is { } entry) return Results.Created((string?)null, entry);
        if (result.ErrorCode == "meeting.not_found") throw PlatformException.NotFound("meeting.not_found", "会議");
        if (result.Field is null) throw new PlatformException(409, result.ErrorCode!, result.Message!, result.Message);
        throw new ValidationErrors().Add(result.Field, result.ErrorCode!, result.Message!).ToException();
    }

    private static async Task StreamAsync(HttpContext http, string meetingId, int? after, long? since, IGrainFactory grains, MeetingStore meetings, Disclosure disclosure,
        IHostApplicationLifetime lifetime, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var tenantId = http.Tenant().Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
        // A reconnecting EventSource repeats the URL's "after" and adds the last id it saw: the later of the two wins.
        var last = Math.Max(after ?? 0, int.TryParse(http.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : 0);
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var grain = grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId));
        var follower = await disclosure.FollowAsync(http, meeting, stop.Token);
        await http.Response.WriteAsync(": connected\n\n", stop.Token);
        await http.Response.Body.FlushAsync(stop.Token);
        try
        {
            // Revisions since the page was rendered (its ticks in "since"), so that none made while it connected is missed.
            var revision = since ?? -1;
            while (!stop.IsCancellationRequested)
            {
                var change = await grain.WaitForChange(last, revision, Heartbeat).WaitAsync(stop.Token);
                revision = change.Revision;
                if (change.SightChanged) await follower.RefreshAsync(stop.Token);
                if (change.Entries.Count == 0 && change.Revised.Count == 0)
                    await http.Response.WriteAsync(": heartbeat\n\n", stop.Token);
                foreach (var entry in await follower.ShowAsync(change.Entries, stop.Token))
                {
                    await http.Response.WriteAsync($"id: {entry.Seq}\nevent: entry\ndata: {JsonSerializer.Serialize(entry, json.Value.SerializerOptions)}\n\n", stop.Token);
                    last = entry.Seq;
                }
                // A revised item is sent again whole, without an id: the stream still resumes after the last entry.
                foreach (var entry in await follower.ShowAsync(change.Revised, stop.Token))
                    await http.Response.WriteAsync($"event: revised\ndata: {JsonSerializer.Serialize(entry, json.Value.SerializerOptions)}\n\n", stop.Token);
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page was closed or the host is stopping; the browser reconnects from the last id it saw.
        }
    }
}
