using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Privacy;

namespace Platform.Core.Records;

/// <summary>What correcting an entry uses, bound as one parameter.</summary>
public sealed record CorrectionServices(
    IGrainFactory Grains,
    MeetingStore Meetings,
    CorrectionStore Corrections,
    Disclosure Disclosure
);

/// <summary>What correcting an action item uses, bound as one parameter.</summary>
public sealed record ActionCorrectionServices(
    RecordStore Records,
    CorrectionStore Corrections,
    MeetingStore Meetings,
    ActionRules Rules,
    Disclosure Disclosure
);

/// <summary>
/// Corrections of a meeting's record on each entry's own URL: <c>PATCH</c> edits or moves it, <c>DELETE</c> deletes
/// it. Every correction is kept (who, when, before, after: <c>corrections</c>), audited, and sent to open pages. Once
/// the 概要 is confirmed, nothing changes until it is reopened with a reason.
/// </summary>
public static class CorrectionApi
{
    private static readonly string[] Closed409 = ["meeting.cancelled", "meeting.minutes_approved"];

    public static void MapCorrectionApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api/meetings/{meetingId}")
            .WithTags("Records")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapPatch("/agenda/{agendaItemId}", CorrectAgendaItem)
            .RequirePermission(CorePermissions.Record)
            .Describe("correctAgendaItem", "議題・テーマを修正・並べ替え", "Rename or move an agenda item")
            .Refuses(400, "agenda.invalid_title", "agenda.invalid_position", InvisibleCharacters.Code)
            .Refuses(404, "meeting.not_found", "agenda.not_found")
            .Refuses(409, Closed409);
        api.MapDelete("/agenda/{agendaItemId}", DeleteAgendaItem)
            .RequirePermission(CorePermissions.Record)
            .Describe("deleteAgendaItem", "議題・テーマを削除", "Delete an agenda item")
            .Refuses(404, "meeting.not_found", "agenda.not_found")
            .Refuses(409, [.. Closed409, "agenda.not_empty"]);
        MapEntries(api);
        MapActions(api);
        api.MapGet("/corrections", ListCorrections)
            .Describe("listCorrections", "記録の修正履歴", "List corrections of a meeting's record")
            .Refuses(404, "meeting.not_found");
    }

    private static void MapEntries(RouteGroupBuilder api)
    {
        string[] opinion400 = ["opinion.empty", "opinion.too_long", "agenda.not_found", InvisibleCharacters.Code];
        string[] comment400 =
        [
            "comment.empty",
            "comment.too_long",
            "comment.speaker_required",
            InvisibleCharacters.Code,
        ];
        api.MapPatch("/opinions/{opinionId}", CorrectOpinion)
            .RequirePermission(CorePermissions.Record)
            .Describe("correctOpinion", "意見を修正・移動", "Correct or move an opinion")
            .Refuses(400, opinion400)
            .Refuses(403, "privacy.withheld")
            .Refuses(404, "meeting.not_found", "opinion.not_found")
            .Refuses(409, Closed409);
        api.MapDelete("/opinions/{opinionId}", DeleteOpinion)
            .RequirePermission(CorePermissions.Record)
            .Describe("deleteOpinion", "意見を削除", "Delete an opinion")
            .Refuses(403, "privacy.withheld")
            .Refuses(404, "meeting.not_found", "opinion.not_found")
            .Refuses(409, [.. Closed409, "opinion.has_responses", "opinion.has_actions"]);
        api.MapPatch("/comments/{commentId}", CorrectComment)
            .RequirePermission(CorePermissions.Record)
            .Describe("correctComment", "コメントを修正", "Correct a comment")
            .Refuses(400, comment400)
            .Refuses(403, "privacy.withheld")
            .Refuses(404, "meeting.not_found", "comment.not_found")
            .Refuses(409, Closed409);
        api.MapDelete("/comments/{commentId}", DeleteComment)
            .RequirePermission(CorePermissions.Record)
            .Describe("deleteComment", "コメントを削除", "Delete a comment")
            .Refuses(403, "privacy.withheld")
            .Refuses(404, "meeting.not_found", "comment.not_found")
            .Refuses(409, Closed409);
    }

    private static void MapActions(RouteGroupBuilder api)
    {
        api.MapPatch("/actions/{actionId}", CorrectAction)
            .Describe("correctActionItem", "対応事項を修正", "Correct an action item")
            .Refuses(
                400,
                "action.invalid_title",
                "organisation.not_found",
                "action.invalid_date",
                InvisibleCharacters.Code
            )
            .Refuses(403, "privacy.withheld")
            .Refuses(404, "meeting.not_found", "action.not_found")
            .Refuses(409, "meeting.minutes_approved");
        api.MapDelete("/actions/{actionId}", DeleteAction)
            .Describe("deleteActionItem", "対応事項を削除", "Delete an action item")
            .Refuses(403, "privacy.withheld")
            .Refuses(404, "meeting.not_found", "action.not_found")
            .Refuses(409, "meeting.minutes_approved");
    }

    public static async Task<Results<Ok<RecordEntry>, ProblemHttpResult>> CorrectAgendaItem(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string agendaItemId,
        AgendaItemChange change,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    ) =>
        await CorrectAsync(
            tenant,
            reader,
            meetingId,
            agendaItemId,
            CorrectedItems.Agenda,
            services,
            grain => grain.CorrectAgendaItem(agendaItemId, change, reader.Name),
            cancellationToken
        );

    public static async Task<Results<Ok<RecordEntry>, ProblemHttpResult>> CorrectOpinion(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string opinionId,
        OpinionChange change,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    ) =>
        await CorrectAsync(
            tenant,
            reader,
            meetingId,
            opinionId,
            CorrectedItems.Opinion,
            services,
            grain => grain.CorrectOpinion(opinionId, change, reader.Name),
            cancellationToken
        );

    public static async Task<Results<Ok<RecordEntry>, ProblemHttpResult>> CorrectComment(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string commentId,
        CommentChange change,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    ) =>
        await CorrectAsync(
            tenant,
            reader,
            meetingId,
            commentId,
            CorrectedItems.Comment,
            services,
            grain => grain.CorrectComment(commentId, change, reader.Name),
            cancellationToken
        );

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteAgendaItem(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string agendaItemId,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    ) => DeleteAsync(tenant, reader, meetingId, agendaItemId, CorrectedItems.Agenda, services, cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteOpinion(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string opinionId,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    ) => DeleteAsync(tenant, reader, meetingId, opinionId, CorrectedItems.Opinion, services, cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteComment(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string commentId,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    ) => DeleteAsync(tenant, reader, meetingId, commentId, CorrectedItems.Comment, services, cancellationToken);

    public static async Task<Results<Ok<ActionItem>, ProblemHttpResult>> CorrectAction(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string actionId,
        ActionItemChange change,
        [AsParameters] ActionCorrectionServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (action, refused) = await ActionAsync(tenantId, reader, meetingId, actionId, services, cancellationToken);
        if (action is null)
            return refused!;
        var (after, refusal) = await services.Rules.CheckChangeAsync(tenantId, action, change, cancellationToken);
        if (after is null)
            return refusal.ToProblem();
        await services.Corrections.WriteActionAsync(
            tenantId,
            action,
            after,
            Pending(action, CorrectedItems.Snapshot(after), ChangeKind.Edit, reader),
            cancellationToken
        );
        return TypedResults.Ok(after);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAction(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string actionId,
        [AsParameters] ActionCorrectionServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (action, refused) = await ActionAsync(tenantId, reader, meetingId, actionId, services, cancellationToken);
        if (action is null)
            return refused!;
        await services.Corrections.WriteActionAsync(
            tenantId,
            action,
            null,
            Pending(action, null, ChangeKind.Delete, reader),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The meeting's corrections, or one item's, oldest first. A resident's information is shown only to a reader who
    /// may see it; to others the correction says who changed what kind of item when, and why the rest is withheld.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<Correction>>, ProblemHttpResult>> ListCorrections(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string? itemId,
        [AsParameters] CorrectionServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        if (await services.Meetings.FindAsync(tenantId, meetingId, cancellationToken) is not { } meeting)
            return RecordApi.MeetingNotFound();
        var corrections = await services.Corrections.ListAsync(tenantId, meetingId, itemId, cancellationToken);
        var shown = new List<Correction>(corrections.Count);
        foreach (var c in corrections)
        {
            var why = c.Sensitivity.IsPersonal()
                ? await services.Disclosure.WhyWithheldAsync(
                    tenantId,
                    meeting,
                    reader,
                    c.ItemId,
                    c.Sensitivity,
                    cancellationToken
                )
                : null;
            shown.Add(why is null ? c : c with { Before = null, After = null, Withheld = why });
        }
        return TypedResults.Ok<IReadOnlyList<Correction>>(shown);
    }

    private static async Task<Results<Ok<RecordEntry>, ProblemHttpResult>> CorrectAsync(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string itemId,
        string kind,
        CorrectionServices services,
        Func<IMeetingGrain, Task<RecordResult>> correct,
        CancellationToken cancellationToken
    )
    {
        var (grain, refused) = await SeenAsync(tenant, reader, meetingId, itemId, kind, services, cancellationToken);
        if (grain is null)
            return refused!;
        var result = await RecordApi.InBatchAsync(() => correct(grain), StatusCodes.Status200OK);
        return result.Entry is { } entry ? TypedResults.Ok(entry) : RecordApi.AsProblem(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string itemId,
        string kind,
        CorrectionServices services,
        CancellationToken cancellationToken
    )
    {
        var (grain, refused) = await SeenAsync(tenant, reader, meetingId, itemId, kind, services, cancellationToken);
        if (grain is null)
            return refused!;
        var result = await RecordApi.InBatchAsync(
            () => grain.Delete(itemId, reader.Name),
            StatusCodes.Status204NoContent
        );
        return result.Entry is null ? RecordApi.AsProblem(result) : TypedResults.NoContent();
    }

    /// <summary>
    /// The meeting's grain, once the item is found there as the kind its URL names and its reader may see it: nobody
    /// corrects what is withheld from them.
    /// </summary>
    private static async Task<(IMeetingGrain? Grain, ProblemHttpResult? Refusal)> SeenAsync(
        ITenantContext tenant,
        Audience reader,
        string meetingId,
        string itemId,
        string kind,
        CorrectionServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        if (
            RecordApi.Grain(tenant, meetingId, services.Grains) is not { } grain
            || await services.Meetings.FindAsync(tenantId, meetingId, cancellationToken) is not { } meeting
        )
            return (null, RecordApi.MeetingNotFound());
        var entry = (await grain.Entries()).FirstOrDefault(e =>
            CorrectedItems.IdOf(e) == itemId && CorrectedItems.KindOf(e) == kind
        );
        if (entry is null)
            return (null, NotFound(kind));
        var level = CorrectedItems.LevelOf(entry);
        if (
            level.IsPersonal()
            && await services.Disclosure.WhyWithheldAsync(tenantId, meeting, reader, itemId, level, cancellationToken)
                is not null
        )
            return (null, Withheld());
        return (grain, null);
    }

    private static async Task<(ActionItem? Action, ProblemHttpResult? Refusal)> ActionAsync(
        string tenantId,
        Audience reader,
        string meetingId,
        string actionId,
        ActionCorrectionServices services,
        CancellationToken cancellationToken
    )
    {
        if (await services.Meetings.FindAsync(tenantId, meetingId, cancellationToken) is not { } meeting)
            return (null, RecordApi.MeetingNotFound());
        // An unknown id is refused (404 action.not_found) by the store; one of another meeting likewise here.
        var action = await services.Records.GetActionAsync(tenantId, actionId, cancellationToken);
        if (action.MeetingId != meetingId)
            return (null, NotFound(CorrectedItems.Action));
        if (meeting.Status == MeetingStatus.MinutesApproved)
            return (
                null,
                new PlatformException(
                    409,
                    "meeting.minutes_approved",
                    "概要が確定しているため修正できません。",
                    "「確定を取り消す（訂正）」で理由を記録してから修正してください。"
                ).ToProblem()
            );
        var shown = (
            await services.Disclosure.ActionsAsync(
                tenantId,
                reader,
                $"/{tenantId}/api/meetings/{meetingId}/actions/{actionId}",
                [action],
                cancellationToken
            )
        )[0];
        return shown.Withheld is null ? (action, null) : (null, Withheld());
    }

    private static CorrectionStore.Pending Pending(
        ActionItem before,
        string? after,
        ChangeKind change,
        Audience reader
    ) =>
        new(
            Ids.New(),
            before.MeetingId,
            CorrectedItems.Action,
            before.Id,
            change,
            CorrectedItems.Snapshot(before),
            after,
            before.Sensitivity,
            reader.Name,
            Clock.Now()
        );

    private static ProblemHttpResult NotFound(string kind) =>
        (
            kind switch
            {
                CorrectedItems.Agenda => PlatformException.NotFound("agenda.not_found", "議題・テーマ"),
                CorrectedItems.Opinion => PlatformException.NotFound("opinion.not_found", "意見"),
                CorrectedItems.Comment => PlatformException.NotFound("comment.not_found", "コメント"),
                _ => PlatformException.NotFound("action.not_found", "対応事項"),
            }
        ).ToProblem();

    private static ProblemHttpResult Withheld() =>
        new PlatformException(
            403,
            "privacy.withheld",
            "この項目を修正する権限がありません。",
            "個人情報を含む項目は、この会議の誓約書を提出した職員だけが閲覧・修正できます。"
        ).ToProblem();
}
