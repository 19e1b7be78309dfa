using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Privacy;

namespace Platform.Core.Notices;

/// <summary>What the notices' A4 page shows: the letters, each with its reply form.</summary>
public sealed record NoticesModel(TenantInfo Tenant, NoticeSet Notices);

/// <summary>What a reply link shows: that meeting's name, day and venue, and the organisation's own reply.</summary>
public sealed record ReplyLinkView(
    string MeetingName,
    string Date,
    string When,
    string? Venue,
    string OrganisationName,
    MeetingReply? Reply,
    bool Used
);

/// <summary>
/// <c>/api/meetings/{id}/notices</c> (開催通知 as Word or an A4 page), <c>/api/meetings/{id}/replies</c> (出欠),
/// <c>/api/notice-template</c> (the tenant's template) and <c>/api/reply-links/{token}</c> (the answer through a
/// letter's reply link, without an account).
/// </summary>
public static class NoticeApi
{
    public static void MapNoticeApi(this IEndpointRouteBuilder tenant)
    {
        // Writing the letters gives them their numbers: it is staff who manage meetings that send them.
        tenant
            .MapGet("/api/meetings/{meetingId}/notices", GetNotices)
            .WithTags("Notices")
            .RequirePermission(CorePermissions.Manage)
            .Describe(
                "getMeetingNotices",
                "開催通知と出欠回答票（Word・A4ページ）",
                "A meeting's notices with reply forms, as Word or an A4 page"
            )
            .Produces<Stream>(StatusCodes.Status200OK, "text/html", NoticeDocx.ContentType)
            .Refuses(400, "notices.unknown_format", "notices.not_convened")
            .Refuses(404, "meeting.not_found")
            .Refuses(409, "notices.no_convened");
        var template = tenant
            .MapGroup("/api/notice-template")
            .WithTags("Notices")
            .RequirePermissions(CorePermissions.View, CorePermissions.Administer);
        template
            .MapGet("/", GetNoticeTemplate)
            .Describe("getNoticeTemplate", "開催通知のひな形", "The notice template");
        template
            .MapPut("/", SaveNoticeTemplate)
            .Describe("saveNoticeTemplate", "開催通知のひな形を保存", "Save the notice template")
            .Refuses(
                400,
                "validation.failed",
                "notices.text_too_long",
                "notices.invalid_reply_days",
                InvisibleCharacters.Code
            );
        var replies = tenant
            .MapGroup("/api/meetings/{meetingId}/replies")
            .WithTags("Notices")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        replies
            .MapGet("/", ListReplies)
            .Describe("listMeetingReplies", "出欠の一覧と出席見込み", "A meeting's replies and expected attendance")
            .Refuses(404, "meeting.not_found");
        replies
            .MapGet("/{organisationId}", GetReply)
            .Describe("getMeetingReply", "団体の出欠", "An organisation's reply")
            .Refuses(400, "reply.not_convened")
            .Refuses(404, "meeting.not_found", "reply.not_found");
        replies
            .MapPut("/{organisationId}", SaveReply)
            .Describe("saveMeetingReply", "団体の出欠を記録", "Record an organisation's reply")
            .Refuses(400, [.. ReplyRefusals, "reply.not_convened"])
            .Refuses(404, "meeting.not_found");
        var links = tenant.MapGroup("/api/reply-links/{token}").WithTags("Notices").AllowAnonymous();
        links
            .MapGet("/", GetReplyLink)
            .Describe("getReplyLink", "回答用リンクの会議と回答", "The meeting and reply of a reply link")
            .Refuses(404, "meeting.not_found", "reply.invalid_token")
            .Refuses(410, "reply.expired_token")
            .Refuses(429, "reply.rate_limited");
        links
            .MapPut("/", AnswerReplyLink)
            .Describe("answerReplyLink", "回答用リンクから出欠を回答", "Answer through a reply link")
            .Refuses(400, [.. ReplyRefusals, "reply.not_convened"])
            .Refuses(404, "meeting.not_found", "reply.invalid_token")
            .Refuses(409, "reply.token_used")
            .Refuses(410, "reply.expired_token")
            .Refuses(429, "reply.rate_limited");
    }

    /// <summary>The codes a reply's fields may be refused with.</summary>
    private static readonly string[] ReplyRefusals =
    [
        "validation.failed",
        "reply.invalid_answer",
        "reply.invalid_count",
        "reply.invalid_via",
        "reply.invalid_date",
        "reply.text_too_long",
        InvisibleCharacters.Code,
        JapaneseNumber.DigitsCode,
    ];

    /// <summary>Names the download, hence the response.</summary>
    public static async Task<
        Results<FileContentHttpResult, RazorComponentResult<NoticesDocument>, ProblemHttpResult>
    > GetNotices(
        HttpResponse response,
        ITenantContext tenant,
        string meetingId,
        string? format,
        string? organisationId,
        NoticeLetters letters,
        CancellationToken cancellationToken
    )
    {
        var kind = (format ?? "html").ToLowerInvariant();
        if (kind is not ("html" or "docx"))
            return new ValidationErrors()
                .Add("format", "notices.unknown_format", "形式は html・docx のいずれかを指定してください。")
                .ToProblem();
        NoticeSet set;
        try
        {
            set = await letters.WriteAsync(
                tenant.Tenant.Id,
                tenant.Tenant.Name,
                meetingId,
                string.IsNullOrWhiteSpace(organisationId) ? null : organisationId,
                cancellationToken
            );
        }
        catch (PlatformException e) when (e.Code.StartsWith("notices.", StringComparison.Ordinal))
        {
            return e.ToProblem();
        }
        if (kind == "html")
            return PageResult.For<NoticesDocument, NoticesModel>(new NoticesModel(tenant.Tenant, set));
        var name = Uri.EscapeDataString($"開催通知_{set.MeetingName}.docx");
        response.Headers.ContentDisposition = $"attachment; filename=\"notices.docx\"; filename*=UTF-8''{name}";
        return TypedResults.File(NoticeDocx.Write(set), NoticeDocx.ContentType);
    }

    public static async Task<Ok<NoticeTemplate>> GetNoticeTemplate(
        ITenantContext tenant,
        NoticeStore notices,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await notices.TemplateAsync(tenant.Tenant.Id, cancellationToken));

    public static async Task<Results<Ok<NoticeTemplate>, ProblemHttpResult>> SaveNoticeTemplate(
        ITenantContext tenant,
        NoticeTemplateInput input,
        Audience reader,
        NoticeStore notices,
        CancellationToken cancellationToken
    )
    {
        var (template, refusal) = NoticeRules.CheckTemplate(input);
        if (template is null)
            return refusal.ToProblem();
        await notices.SaveTemplateAsync(tenant.Tenant.Id, template, reader.Name, cancellationToken);
        return TypedResults.Ok(template);
    }

    public static async Task<Ok<MeetingReplies>> ListReplies(
        ITenantContext tenant,
        string meetingId,
        ReplyBook book,
        CancellationToken cancellationToken
    ) => TypedResults.Ok((await book.ListAsync(tenant.Tenant.Id, meetingId, cancellationToken)).Replies);

    public static async Task<Results<Ok<OrganisationReply>, ProblemHttpResult>> GetReply(
        ITenantContext tenant,
        string meetingId,
        string organisationId,
        ReplyBook book,
        CancellationToken cancellationToken
    )
    {
        var (_, replies) = await book.ListAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        if (replies.Organisations.FirstOrDefault(o => o.OrganisationId == organisationId) is not { } row)
            return NoticeLetters.NotConvened("reply.not_convened").ToProblem();
        return row.Reply is null
            ? PlatformException.NotFound("reply.not_found", "回答").ToProblem()
            : TypedResults.Ok(row);
    }

    public static async Task<Results<Ok<OrganisationReply>, ProblemHttpResult>> SaveReply(
        ITenantContext tenant,
        string meetingId,
        string organisationId,
        ReplyInput input,
        Audience reader,
        ReplyBook book,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (reply, refusal) = await book.SaveAsync(
            tenantId,
            meetingId,
            organisationId,
            input,
            reader.Name,
            null,
            cancellationToken
        );
        if (reply is null)
            return refusal!.ToProblem();
        var (_, replies) = await book.ListAsync(tenantId, meetingId, cancellationToken);
        return TypedResults.Ok(replies.Organisations.First(o => o.OrganisationId == organisationId));
    }

    /// <summary>Takes the request for its client's address, which the rate limit counts by.</summary>
    public static async Task<Results<Ok<ReplyLinkView>, ProblemHttpResult>> GetReplyLink(
        HttpContext http,
        ITenantContext tenant,
        string token,
        ReplyDesk desk,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return TypedResults.Ok((await desk.OpenAsync(http, tenant.Tenant.Id, token, cancellationToken)).View);
        }
        catch (PlatformException e) when (e.Code.StartsWith("reply.", StringComparison.Ordinal))
        {
            return e.ToProblem();
        }
    }

    /// <summary>Takes the request for its client's address, which the rate limit counts by.</summary>
    public static async Task<Results<Ok<ReplyLinkView>, ProblemHttpResult>> AnswerReplyLink(
        HttpContext http,
        ITenantContext tenant,
        string token,
        ReplyInput input,
        ReplyDesk desk,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return TypedResults.Ok(await desk.AnswerAsync(http, tenant.Tenant.Id, token, input, cancellationToken));
        }
        catch (PlatformException e) when (e.Code.StartsWith("reply.", StringComparison.Ordinal))
        {
            return e.ToProblem();
        }
    }
}
