using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Audit;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Modules;
using Platform.Core.Privacy;
using Platform.Core.Tenancy;

namespace Platform.Core.Records;

public sealed record TemplateInput(string? TemplateId);

/// <summary>A meeting's record as its reader may see it, and its last entry, where the live stream resumes.</summary>
public sealed record LiveRecord(int LastSeq, MeetingRecord Record);

/// <summary>What recording an entry uses, bound as one parameter.</summary>
public sealed record RecordServices(IGrainFactory Grains, MeetingStore Meetings, Disclosure Disclosure);

/// <summary>What the action item handlers use, bound as one parameter.</summary>
public sealed record ActionServices(RecordStore Records, ActionRules Rules, TimeProvider Time);

/// <summary>What the agenda templates of a meeting are read from, bound as one parameter.</summary>
public sealed record TemplateServices(
    MeetingStore Meetings,
    BodyStore Bodies,
    ModuleGate Gate,
    [FromServices] IEnumerable<IAgendaTemplateSource> Sources
);

/// <summary>
/// Recording a meeting: agenda items, opinions and comments go through the meeting's grain; the recorders' pages
/// follow the record through a server-sent event stream (<c>record/events</c>), which resumes from the last entry
/// seen after a reconnect, and re-sends an item whose showing changed (<c>revised</c>: a withdrawal, a new level).
/// Action items decided at meetings are kept beside the record.
/// </summary>
public static class RecordApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    // Milliseconds: how soon a page's EventSource reconnects (browsers wait about 3 s by themselves).
    private const int Reconnect = 1000;

    private static readonly string[] Privacy400 =
    [
        "privacy.invalid_level",
        "privacy.basis_required",
        "privacy.consent_date_required",
        "privacy.invalid_consent_date",
        "privacy.consent_scope_required",
        "privacy.ordinance_required",
    ];

    private static readonly string[] Closed409 = ["meeting.cancelled", "meeting.minutes_approved"];

    // An entry key sent again for another kind of entry, or for an entry deleted since.
    private static readonly string[] Repeat409 = ["idempotency.key_reused", "idempotency.entry_deleted"];

    public static void MapRecordApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api/meetings/{meetingId}")
            .WithTags("Records")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapGet("/record", GetRecord)
            .Describe("getMeetingRecord", "会議の記録", "A meeting's record")
            .Refuses(404, "meeting.not_found");
        api.MapPost("/agenda", AddAgendaItem)
            .RequirePermission(CorePermissions.Record)
            .Describe("addAgendaItem", "議題・テーマを追加", "Add an agenda item")
            .Refuses(400, "agenda.invalid_title", "idempotency.invalid_key", InvisibleCharacters.Code)
            .Refuses(404, "meeting.not_found")
            .Refuses(409, [.. Closed409, .. Repeat409]);
        api.MapPost("/opinions", AddOpinion)
            .RequirePermission(CorePermissions.Record)
            .Describe("addOpinion", "意見を記録", "Record an opinion")
            .Refuses(
                400,
                [
                    .. Privacy400,
                    "validation.failed",
                    "opinion.empty",
                    "opinion.too_long",
                    "agenda.not_found",
                    "opinion.not_found",
                    "idempotency.invalid_key",
                    InvisibleCharacters.Code,
                ]
            )
            .Refuses(404, "meeting.not_found")
            .Refuses(409, [.. Closed409, .. Repeat409]);
        api.MapPost("/comments", AddComment)
            .RequirePermission(CorePermissions.Record)
            .Describe("addComment", "コメントを記録", "Record a comment")
            .Refuses(
                400,
                [
                    .. Privacy400,
                    "validation.failed",
                    "comment.empty",
                    "comment.too_long",
                    "comment.speaker_required",
                    "idempotency.invalid_key",
                    InvisibleCharacters.Code,
                ]
            )
            .Refuses(404, "meeting.not_found")
            .Refuses(409, [.. Closed409, .. Repeat409]);
        api.MapGet("/record/events", StreamAsync).ExcludeFromDescription();
        MapTemplatesAndActions(tenant, api);
    }

    private static void MapTemplatesAndActions(IEndpointRouteBuilder tenant, RouteGroupBuilder api)
    {
        api.MapGet("/agenda-templates", ListTemplates)
            .Describe("listAgendaTemplates", "議題のテンプレート一覧", "List agenda templates")
            .Refuses(404, "meeting.not_found");
        api.MapPost("/agenda/from-template", AddFromTemplate)
            .RequirePermission(CorePermissions.Record)
            .Describe("addAgendaFromTemplate", "テンプレートから議題を追加", "Add agenda items from a template")
            .Refuses(400, "agenda.unknown_template")
            .Refuses(404, "meeting.not_found")
            .Refuses(409, Closed409);
        api.MapPost("/actions", CreateAction)
            .Describe("createActionItem", "対応事項を登録", "Create an action item")
            .Refuses(
                400,
                [
                    .. Privacy400,
                    "validation.failed",
                    "action.invalid_title",
                    "opinion.not_found",
                    "comment.not_found",
                    "privacy.withheld",
                    "organisation.not_found",
                    "action.invalid_date",
                    InvisibleCharacters.Code,
                ]
            )
            .Refuses(404, "meeting.not_found");
        var actions = tenant
            .MapGroup("/api/actions")
            .WithTags("Records")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        actions.MapGet("/", ListActions).Describe("listActionItems", "対応事項の一覧", "List action items");
        actions
            .MapPost("/{actionId}/status", SetActionStatus)
            .Describe("setActionItemStatus", "対応事項の状態を変更", "Change an action item's status")
            .Refuses(400, "action.status_required")
            .Refuses(404, "action.not_found");
    }

    /// <summary>Takes the request for its reader: the record is shown as they may see it.</summary>
    public static async Task<Ok<LiveRecord>> GetRecord(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        MeetingStore meetings,
        Disclosure disclosure,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var record = await disclosure.RecordAsync(
            tenantId,
            meeting,
            http.Audience(),
            http.Request.Path,
            cancellationToken
        );
        var lastSeq = record
            .Agenda.Select(a => a.Seq)
            .Concat(record.Opinions.Select(o => o.Seq))
            .Concat(record.Comments.Select(c => c.Seq))
            .DefaultIfEmpty(0)
            .Max();
        return TypedResults.Ok(new LiveRecord(lastSeq, record));
    }

    public static async Task<Results<Created<RecordEntry>, ProblemHttpResult>> AddAgendaItem(
        ITenantContext tenant,
        string meetingId,
        AgendaItemInput input,
        [FromHeader(Name = RecordRules.EntryKeyHeader)] string? entryKey,
        [AsParameters] RecordServices services,
        CancellationToken cancellationToken
    )
    {
        var (key, keyRefusal) = RecordRules.CheckEntryKey(entryKey);
        var (title, refusal) = RecordRules.CheckAgendaItem(input.Title);
        if (title is null || keyRefusal is not null)
            return await RefuseAsync(tenant, meetingId, AsProblem(refusal ?? keyRefusal!), services, cancellationToken);
        if (Grain(tenant, meetingId, services.Grains) is not { } grain)
            return MeetingNotFound();
        return Answer(await InBatchAsync(() => grain.AddAgendaItem(title, key)));
    }

    /// <summary>Takes the request for its recorder, who is answered with the entry as they may see it.</summary>
    public static async Task<Results<Created<RecordEntry>, ProblemHttpResult>> AddOpinion(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        OpinionInput input,
        [FromHeader(Name = RecordRules.EntryKeyHeader)] string? entryKey,
        [AsParameters] RecordServices services
    )
    {
        var (level, basis, privacy) = RecordRules.CheckPrivacy(input.Sensitivity, input.Basis);
        if (privacy.Any)
            return await RefuseAsync(tenant, meetingId, privacy.ToProblem(), services, http.RequestAborted);
        var (key, keyRefusal) = RecordRules.CheckEntryKey(entryKey);
        var (opinion, refusal) = RecordRules.CheckOpinion(input with { Sensitivity = level, Basis = basis });
        if (opinion is null || keyRefusal is not null)
            return await RefuseAsync(
                tenant,
                meetingId,
                AsProblem(refusal ?? keyRefusal!),
                services,
                http.RequestAborted
            );
        if (Grain(tenant, meetingId, services.Grains) is not { } grain)
            return MeetingNotFound();
        var result = await InBatchAsync(() => grain.AddOpinion(opinion, key));
        return Answer(await AsSeenAsync(http, meetingId, result, level, services));
    }

    /// <summary>Takes the request for its recorder, who is answered with the entry as they may see it.</summary>
    public static async Task<Results<Created<RecordEntry>, ProblemHttpResult>> AddComment(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        CommentInput input,
        [FromHeader(Name = RecordRules.EntryKeyHeader)] string? entryKey,
        [AsParameters] RecordServices services
    )
    {
        var (level, basis, privacy) = RecordRules.CheckPrivacy(input.Sensitivity, input.Basis);
        if (privacy.Any)
            return await RefuseAsync(tenant, meetingId, privacy.ToProblem(), services, http.RequestAborted);
        var (key, keyRefusal) = RecordRules.CheckEntryKey(entryKey);
        var (comment, refusal) = RecordRules.CheckComment(input with { Sensitivity = level, Basis = basis });
        if (comment is null || keyRefusal is not null)
            return await RefuseAsync(
                tenant,
                meetingId,
                AsProblem(refusal ?? keyRefusal!),
                services,
                http.RequestAborted
            );
        if (Grain(tenant, meetingId, services.Grains) is not { } grain)
            return MeetingNotFound();
        var result = await InBatchAsync(() => grain.AddComment(comment, key));
        return Answer(await AsSeenAsync(http, meetingId, result, level, services));
    }

    public static async Task<Ok<IReadOnlyList<AgendaTemplate>>> ListTemplates(
        ITenantContext tenant,
        string meetingId,
        [AsParameters] TemplateServices services,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await TemplatesAsync(tenant.Tenant.Id, meetingId, services, cancellationToken));

    public static async Task<Results<Created<List<RecordEntry>>, ProblemHttpResult>> AddFromTemplate(
        ITenantContext tenant,
        string meetingId,
        TemplateInput input,
        [AsParameters] TemplateServices services,
        IGrainFactory grains,
        CancellationToken cancellationToken
    )
    {
        var templates = await TemplatesAsync(tenant.Tenant.Id, meetingId, services, cancellationToken);
        if (templates.FirstOrDefault(t => t.Id == input.TemplateId) is not { } template)
            return new ValidationErrors()
                .Add("templateId", "agenda.unknown_template", "議題のテンプレートが見つかりません。")
                .ToProblem();
        if (Grain(tenant, meetingId, grains) is not { } grain)
            return MeetingNotFound();
        var entries = new List<RecordEntry>();
        foreach (var item in template.Items)
        {
            var result = await InBatchAsync(() => grain.AddAgendaItem(item, null));
            if (result.Entry is null)
                return AsProblem(result);
            entries.Add(result.Entry);
        }
        return TypedResults.Created((string?)null, entries);
    }

    /// <summary>Takes the request for its reader: an action item may only come from an opinion they may see.</summary>
    public static async Task<Results<Created<ActionItem>, ProblemHttpResult>> CreateAction(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        ActionItemInput input,
        [AsParameters] RecordServices services,
        [AsParameters] ActionServices actions,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var meeting = await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var record = await services.Disclosure.RecordAsync(
            tenantId,
            meeting,
            http.Audience(),
            http.Request.Path,
            cancellationToken
        );
        var today = Clock.TodayInJapan(actions.Time);
        var (action, refusal) = await actions.Rules.CheckAsync(
            tenantId,
            meeting,
            input,
            record,
            today,
            cancellationToken
        );
        if (action is null)
            return refusal.ToProblem();
        await actions.Records.CreateActionAsync(tenantId, action, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/actions/{action.Id}", action);
    }

    /// <summary>Takes the request for its reader: each action item is shown as they may see it.</summary>
    public static async Task<Ok<IReadOnlyList<ActionItem>>> ListActions(
        HttpContext http,
        ITenantContext tenant,
        string? bodyId,
        ActionStatus? status,
        RecordStore records,
        Disclosure disclosure,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await disclosure.ActionsAsync(
                http,
                await records.ListActionsAsync(tenant.Tenant.Id, bodyId, status, cancellationToken)
            )
        );

    /// <summary>Takes the request for its reader: the changed action item is shown as they may see it.</summary>
    public static async Task<Results<Ok<ActionItem>, ProblemHttpResult>> SetActionStatus(
        HttpContext http,
        ITenantContext tenant,
        string actionId,
        ActionStatusInput input,
        [AsParameters] ActionServices actions,
        Disclosure disclosure,
        CancellationToken cancellationToken
    )
    {
        var action = await actions.Records.GetActionAsync(tenant.Tenant.Id, actionId, cancellationToken);
        var (status, refusal) = ActionRules.CheckStatus(input);
        if (status is null)
            return refusal.ToProblem();
        var changed = await actions.Records.SetActionStatusAsync(
            tenant.Tenant.Id,
            action,
            status.Value,
            Clock.TodayInJapan(actions.Time),
            cancellationToken
        );
        return TypedResults.Ok((await disclosure.ActionsAsync(http, [changed]))[0]);
    }

    /// <summary>The agenda templates of the modules in effect for a meeting (in its body's district).</summary>
    private static async Task<IReadOnlyList<AgendaTemplate>> TemplatesAsync(
        string tenantId,
        string meetingId,
        TemplateServices services,
        CancellationToken cancellationToken
    )
    {
        var meeting = await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var body = await services.Bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
        return await TemplatesAsync(tenantId, body.DistrictId, services.Sources, services.Gate);
    }

    internal static async Task<IReadOnlyList<AgendaTemplate>> TemplatesAsync(
        string tenantId,
        string? districtId,
        IEnumerable<IAgendaTemplateSource> sources,
        ModuleGate gate
    ) => (await gate.InEffectAsync(sources, tenantId, districtId)).SelectMany(s => s.Templates).ToList();

    /// <summary>
    /// Records through the meeting grain, which writes the request's audit row in the batch that stores the entry;
    /// the first entry of a request carries it, later ones of the same request need none.
    /// </summary>
    internal static async Task<RecordResult> InBatchAsync(
        Func<Task<RecordResult>> record,
        int answering = StatusCodes.Status201Created
    )
    {
        var audit = PendingAudit.Current;
        audit?.Answering(answering);
        audit?.PassToGrain();
        var result = await record();
        // A repeated entry was not written again: the request's own audit row says it came.
        if (result is { Entry: not null, Repeated: false })
            audit?.WrittenByGrain();
        return result;
    }

    /// <summary>
    /// The meeting's grain; null for an id that cannot be one. The grain would refuse an unknown meeting too;
    /// checking the id's shape first keeps junk ids from activating grains.
    /// </summary>
    internal static IMeetingGrain? Grain(ITenantContext tenant, string meetingId, IGrainFactory grains) =>
        Ids.IsValid(meetingId)
            ? grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenant.Tenant.Id, meetingId))
            : null;

    /// <summary>
    /// The accepted entry as its recorder may see it, when it is a resident's information. Other levels come back
    /// as typed: checking them would cost every opinion of a meeting several reads for nothing the recorder does not
    /// already know.
    /// </summary>
    private static async Task<RecordResult> AsSeenAsync(
        HttpContext http,
        string meetingId,
        RecordResult result,
        Sensitivity level,
        RecordServices services
    ) =>
        result.Entry is { } entry && level.IsPersonal()
            ? result with
            {
                Entry = await services.Disclosure.EntryAsync(
                    http,
                    await services.Meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted),
                    entry
                ),
            }
            : result;

    private static Results<Created<RecordEntry>, ProblemHttpResult> Answer(RecordResult result) =>
        result.Entry is { } entry ? TypedResults.Created((string?)null, entry) : AsProblem(result);

    /// <summary>The grain's refusal as the problem it stands for: not found, a closed meeting or a conflict (409), a
    /// field.</summary>
    internal static ProblemHttpResult AsProblem(RecordResult refused) =>
        refused switch
        {
            { ErrorCode: "meeting.not_found" } => MeetingNotFound(),
            { Field: null, ErrorCode: var code } when code!.EndsWith(".not_found", StringComparison.Ordinal) =>
                new PlatformException(404, code, refused.Message!, refused.Message).ToProblem(),
            { Field: null } => new PlatformException(
                409,
                refused.ErrorCode!,
                refused.Message!,
                refused.Message
            ).ToProblem(),
            _ => new ValidationErrors().Add(refused.Field, refused.ErrorCode!, refused.Message!).ToProblem(),
        };

    /// <summary>
    /// A refused entry for a meeting that is not the tenant's is answered 404 as the grain would, so that another
    /// tenant's ids learn nothing from what the input lacks.
    /// </summary>
    private static async Task<ProblemHttpResult> RefuseAsync(
        ITenantContext tenant,
        string meetingId,
        ProblemHttpResult refusal,
        RecordServices services,
        CancellationToken cancellationToken
    ) =>
        Ids.IsValid(meetingId)
        && await services.Meetings.FindAsync(tenant.Tenant.Id, meetingId, cancellationToken) is not null
            ? refusal
            : MeetingNotFound();

    internal static ProblemHttpResult MeetingNotFound() =>
        PlatformException.NotFound("meeting.not_found", "会議").ToProblem();

    /// <summary>Writes the event stream itself, as it goes: the one handler here that needs the raw response.</summary>
    private static async Task StreamAsync(
        HttpContext http,
        string meetingId,
        int? after,
        long? since,
        IGrainFactory grains,
        MeetingStore meetings,
        Disclosure disclosure,
        IHostApplicationLifetime lifetime,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json
    )
    {
        var tenantId = http.Tenant().Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
        // A reconnecting EventSource repeats the URL's "after" and adds the last id it saw: the later of the two wins.
        var last = Math.Max(
            after ?? 0,
            int.TryParse(http.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : 0
        );
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted,
            lifetime.ApplicationStopping
        );
        var grain = grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId));
        try
        {
            var follower = await disclosure.FollowAsync(http, meeting, stop.Token);
            // A page whose stream breaks (its host stopped, the meeting's host was lost) reconnects after a second.
            await http.Response.WriteAsync($": connected\nretry: {Reconnect}\n\n", stop.Token);
            await http.Response.Body.FlushAsync(stop.Token);
            // Revisions since the page was rendered (its ticks in "since"), so that none made while it connected
            // is missed.
            var revision = since ?? -1;
            while (!stop.IsCancellationRequested)
            {
                var change = await grain.WaitForChange(last, revision, Heartbeat, stop.Token);
                revision = change.Revision;
                if (change.SightChanged)
                    await follower.RefreshAsync(stop.Token);
                if (change.Entries.Count == 0 && change.Revised.Count == 0 && change.Removed.Count == 0)
                    await http.Response.WriteAsync(": heartbeat\n\n", stop.Token);
                foreach (var entry in await follower.ShowAsync(change.Entries, stop.Token))
                {
                    var data = JsonSerializer.Serialize(entry, json.Value.SerializerOptions);
                    await http.Response.WriteAsync($"id: {entry.Seq}\nevent: entry\ndata: {data}\n\n", stop.Token);
                    last = entry.Seq;
                }
                // A revised item is sent again whole, without an id: the stream still resumes after the last entry.
                foreach (var entry in await follower.ShowAsync(change.Revised, stop.Token))
                    await http.Response.WriteAsync(
                        $"event: revised\ndata: {JsonSerializer.Serialize(entry, json.Value.SerializerOptions)}\n\n",
                        stop.Token
                    );
                // A deleted item: the page drops it.
                foreach (var itemId in change.Removed)
                    await http.Response.WriteAsync(
                        $"event: removed\ndata: {JsonSerializer.Serialize(new { itemId })}\n\n",
                        stop.Token
                    );
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page was closed or the host is stopping; the browser reconnects from the last id it saw.
        }
        catch (Exception e) when (Clustering.ClusterFaults.IsUnavailable(e))
        {
            // The host holding the meeting's grain is gone: the stream ends, and the browser reconnects from the last
            // id it saw, to the grain's new activation.
        }
    }
}
