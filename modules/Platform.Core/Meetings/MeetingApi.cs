using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Events;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Privacy;
using Platform.Core.Records;

namespace Platform.Core.Meetings;

/// <summary>A status to change to; a confirmed 概要 reopened for a correction (訂正) gives its reason.</summary>
public sealed record StatusInput(MeetingStatus? Status, string? Reason = null);

/// <summary>What the meeting handlers use, bound as one parameter.</summary>
public sealed record MeetingServices(MeetingStore Meetings, MeetingRules Rules, MeetingContext Context);

/// <summary>What a status change tells: the meeting's grain, the district grains and the event's subscribers.</summary>
public sealed record StatusServices(BodyStore Bodies, IGrainFactory Grains, IEventPublisher Events, TimeProvider Time);

/// <summary><c>/api/meetings</c>: meetings of bodies, their status and handouts; and the kinds of meeting.</summary>
public static class MeetingApi
{
    /// <summary>A handout's size and a little more for the form around it.</summary>
    private const long HandoutRequestLimit = HandoutStore.MaxBytes + 64 * 1024;

    public static void MapMeetingApi(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/api/meeting-kinds", ListMeetingKinds)
            .WithTags("Meetings")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage)
            .Describe("listMeetingKinds", "会議の種類の一覧", "List meeting kinds");
        var api = tenant
            .MapGroup("/api/meetings")
            .WithTags("Meetings")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapGet("/", ListMeetings)
            .Describe("listMeetings", "会議の一覧", "List meetings")
            .Refuses(400, "validation.failed", "request.invalid_date");
        api.MapPost("/", CreateMeeting)
            .Describe("createMeeting", "会議を登録", "Create a meeting")
            .Refuses(400, [.. Refusals400, "body.not_found"]);
        api.MapGet("/{meetingId}", GetMeeting)
            .Describe("getMeeting", "会議を取得", "Get a meeting")
            .Refuses(404, "meeting.not_found");
        api.MapPatch("/{meetingId}", UpdateMeeting)
            .Describe("updateMeeting", "会議を変更", "Change a meeting")
            .Refuses(400, [.. Refusals400, "body.not_found"])
            .Refuses(404, "meeting.not_found");
        api.MapPost("/{meetingId}/status", SetMeetingStatus)
            .Describe("setMeetingStatus", "会議の状態を変更", "Change a meeting's status")
            .Refuses(400, "meeting.status_required", "meeting.reason_required", InvisibleCharacters.Code)
            .Refuses(404, "meeting.not_found")
            .Refuses(409, "meeting.invalid_transition", "meeting.held_in_future");
        MapHandouts(api);
    }

    /// <summary>The codes a meeting's fields may be refused with.</summary>
    private static readonly string[] Refusals400 =
    [
        "validation.failed",
        "meeting.body_required",
        "meeting.unknown_kind",
        "meeting.invalid_title",
        "meeting.date_required",
        "meeting.invalid_date",
        "meeting.invalid_time",
        "meeting.slot_end_before_start",
        "organisation.not_found",
        "meeting.negative_head_count",
        "meeting.head_count_name_required",
        "meeting.extra_required",
        "meeting.invalid_extra",
        "meeting.invalid_venue",
        InvisibleCharacters.Code,
        JapaneseNumber.TooLargeCode,
        JapaneseNumber.DigitsCode,
    ];

    private static void MapHandouts(RouteGroupBuilder api)
    {
        api.MapPost("/{meetingId}/handouts", AddHandout)
            .Describe("addMeetingHandout", "配布資料を登録", "Add a handout to a meeting")
            // "*/*" too: routing would answer another type 415 before the permission check; the handler refuses it.
            .Accepts<IFormFile>("multipart/form-data", "*/*")
            .DisableAntiforgery()
            .WithMetadata(new RequestBodyLimit(HandoutRequestLimit))
            .Refuses(
                400,
                "validation.failed",
                "handout.missing",
                "handout.empty",
                "handout.too_large",
                "privacy.invalid_level",
                "privacy.basis_required",
                "privacy.consent_date_required",
                "privacy.invalid_consent_date",
                "privacy.consent_scope_required",
                "privacy.ordinance_required"
            )
            .Refuses(404, "meeting.not_found")
            .Refuses(415, "handout.not_multipart");
        api.MapGet("/{meetingId}/handouts", ListHandouts)
            .Describe("listMeetingHandouts", "配布資料の一覧", "List a meeting's handouts")
            .Refuses(404, "meeting.not_found");
        api.MapGet("/{meetingId}/handouts/{handoutId}", GetHandout)
            .Describe("getMeetingHandout", "配布資料のファイル", "A handout's file")
            .ProducesFile("application/octet-stream")
            .Refuses(404, "meeting.not_found", "handout.not_found");
    }

    public static Ok<IReadOnlyList<MeetingKind>> ListMeetingKinds(MeetingContext context) =>
        TypedResults.Ok(context.Kinds());

    public static async Task<Results<Ok<IReadOnlyList<MeetingView>>, ProblemHttpResult>> ListMeetings(
        ITenantContext tenant,
        string? bodyId,
        string? districtId,
        string? from,
        string? to,
        MeetingStatus? status,
        [AsParameters] MeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var refusal = new ValidationErrors();
        var fromDate = JapaneseDate.Optional(from, refusal, "from", "request.invalid_date", "期間の始め");
        var toDate = JapaneseDate.Optional(to, refusal, "to", "request.invalid_date", "期間の終わり");
        if (refusal.Any)
            return refusal.ToProblem();
        var filter = new MeetingStore.Filter(bodyId, districtId, fromDate, toDate, status);
        var list = await services.Meetings.ListAsync(tenant.Tenant.Id, filter, cancellationToken);
        return TypedResults.Ok(await services.Context.ViewsAsync(tenant.Tenant.Id, list, cancellationToken));
    }

    public static async Task<Results<Created<MeetingView>, ProblemHttpResult>> CreateMeeting(
        ITenantContext tenant,
        MeetingInput input,
        [AsParameters] MeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var kinds = await services.Context.KindsForAsync(tenantId, input.BodyId, cancellationToken);
        var (meeting, refusal) = await services.Rules.CheckAsync(
            tenantId,
            Ids.New(),
            input,
            kinds,
            null,
            cancellationToken
        );
        if (meeting is null)
            return refusal.ToProblem();
        // Modules' scheduling rules refuse by throwing, as the SDK has them do.
        await services.Context.SchedulingRules(tenantId, cancellationToken)(meeting);
        await services.Meetings.CreateAsync(tenantId, meeting, cancellationToken);
        await services.Context.MeetingChangedAsync(tenantId, meeting.BodyId, cancellationToken);
        return TypedResults.Created(
            $"/{tenantId}/api/meetings/{meeting.Id}",
            await services.Context.ViewAsync(tenantId, meeting, cancellationToken)
        );
    }

    public static async Task<Ok<MeetingView>> GetMeeting(
        ITenantContext tenant,
        string meetingId,
        [AsParameters] MeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var meeting = await services.Meetings.GetAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        return TypedResults.Ok(await services.Context.ViewAsync(tenant.Tenant.Id, meeting, cancellationToken));
    }

    public static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> UpdateMeeting(
        ITenantContext tenant,
        string meetingId,
        MeetingInput input,
        [AsParameters] MeetingServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var before = await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var kinds = await services.Context.KindsForAsync(tenantId, input.BodyId ?? before.BodyId, cancellationToken);
        var (meeting, refusal) = await services.Rules.CheckAsync(
            tenantId,
            meetingId,
            input,
            kinds,
            before,
            cancellationToken
        );
        if (meeting is null)
            return refusal.ToProblem();
        await services.Meetings.UpdateAsync(tenantId, meeting, cancellationToken);
        await services.Context.MeetingChangedAsync(tenantId, meeting.BodyId, cancellationToken);
        if (before.BodyId != meeting.BodyId)
            await services.Context.MeetingChangedAsync(tenantId, before.BodyId, cancellationToken);
        return TypedResults.Ok(await services.Context.ViewAsync(tenantId, meeting, cancellationToken));
    }

    public static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> SetMeetingStatus(
        ITenantContext tenant,
        string meetingId,
        StatusInput input,
        Audience reader,
        [AsParameters] MeetingServices services,
        [AsParameters] StatusServices tell,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var meeting = await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        if (input.Status is not { } status)
            return new ValidationErrors()
                .Add("status", "meeting.status_required", "状態を指定してください。")
                .ToProblem();
        var (reason, noReason) = MeetingRules.CheckReason(meeting, status, input.Reason);
        if (noReason.Any)
            return noReason.ToProblem();
        if (MeetingRules.CheckStatus(meeting, status, Clock.TodayInJapan(tell.Time)) is { } refusal)
            return refusal.ToProblem();
        var updated = await services.Meetings.SetStatusAsync(
            tenantId,
            meeting,
            status,
            cancellationToken,
            reader.Name,
            reason
        );
        await tell.Grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId)).Refresh();
        await services.Context.MeetingChangedAsync(tenantId, updated.BodyId, cancellationToken);
        var body = await tell.Bodies.GetAsync(tenantId, updated.BodyId, cancellationToken);
        var changed = new MeetingStatusChanged(tenantId, meetingId, body.Id, body.DistrictId, status);
        await tell.Events.PublishAsync(changed, cancellationToken);
        return TypedResults.Ok(await services.Context.ViewAsync(tenantId, updated, cancellationToken));
    }

    /// <summary>Reads the multipart form itself: the file, its level and the basis for sharing it.</summary>
    public static async Task<Results<Created<Handout>, ProblemHttpResult>> AddHandout(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        MeetingStore meetings,
        HandoutStore handouts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        if (!http.Request.HasFormContentType)
            return new PlatformException(
                415,
                "handout.not_multipart",
                "ファイルを添付してください。",
                "multipart/form-data の file 欄で送信してください。"
            ).ToProblem();
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
            return new ValidationErrors().Add("file", "handout.missing", "ファイルを選んでください。").ToProblem();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var level = Enum.TryParse<Sensitivity>(form["sensitivity"], ignoreCase: true, out var l)
            ? l
            : (Sensitivity?)null;
        var basis = Enum.TryParse<BasisKind>(form["basisKind"], ignoreCase: true, out var k)
            ? new PersonalBasis(k, form["consentedOn"], form["consentScope"], form["ordinance"])
            : null;
        var (handout, checkedBasis, refusal) = MeetingRules.CheckHandout(
            file.FileName,
            file.ContentType,
            (int)buffer.Length,
            level,
            basis
        );
        if (handout is null)
            return refusal.ToProblem();
        await handouts.AddAsync(tenantId, meetingId, handout, buffer.ToArray(), checkedBasis, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/meetings/{meetingId}/handouts/{handout.Id}", handout);
    }

    /// <summary>The handouts as the signed-in reader may see them (Disclosure reads them from the request).</summary>
    public static async Task<Ok<IReadOnlyList<Handout>>> ListHandouts(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        MeetingStore meetings,
        Disclosure disclosure,
        CancellationToken cancellationToken
    )
    {
        var meeting = await meetings.GetAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        return TypedResults.Ok(await disclosure.HandoutsAsync(http, meeting));
    }

    /// <summary>A handout's file; one withheld from the reader answers as if it did not exist.</summary>
    public static async Task<FileContentHttpResult> GetHandout(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        string handoutId,
        MeetingStore meetings,
        Disclosure disclosure,
        CancellationToken cancellationToken
    )
    {
        var meeting = await meetings.GetAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        var (handout, content) = await disclosure.HandoutFileAsync(http, meeting, handoutId);
        return TypedResults.File(content, handout.ContentType, handout.FileName);
    }
}
