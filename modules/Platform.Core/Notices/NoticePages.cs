using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Abstractions.Text;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Web;

namespace Platform.Core.Notices;

/// <summary>One row of the reply table as typed: kept when the table is refused, so nothing typed is lost.</summary>
public sealed record ReplyFormRow(
    string? Answer,
    string? HeadCount,
    string? Names,
    string? Note,
    string? ReceivedVia,
    string? ReceivedAt
);

/// <summary>
/// The reply table on the meeting page: the replies, and after a refused save what was typed with the messages, keyed
/// <c>{field}-{organisationId}</c>.
/// </summary>
public sealed record ReplyTableModel(
    MeetingReplies Replies,
    IReadOnlyDictionary<string, ReplyFormRow>? Posted,
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Saved
);

/// <summary>What the template page shows.</summary>
public sealed record NoticeTemplateModel(
    TenantInfo Tenant,
    NoticeTemplateInput Form,
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Saved,
    bool LinksEnabled
);

/// <summary>What the public reply page shows: the link's meeting and reply, or why the link cannot be used.</summary>
public sealed record ReplyPageModel(
    TenantInfo Tenant,
    string Token,
    ReplyLinkView? View,
    PlatformException? Problem,
    ReplyFormRow? Form,
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Saved
);

/// <summary>
/// The reply table's save (<c>POST /meetings/{id}/replies</c>), the template page (<c>/admin/notices</c>) and the
/// public reply page (<c>/reply/{token}</c>). Plain form posts: saved, the browser is sent back (post, redirect,
/// get); refused, the form comes back with each message next to its field and nothing written.
/// </summary>
public static class NoticePages
{
    public static void MapNoticePages(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapPost("/meetings/{meetingId}/replies", SaveRepliesAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
        tenant
            .MapGet("/admin/notices", TemplatePageAsync)
            .RequirePermission(CorePermissions.Administer)
            .ExcludeFromDescription();
        tenant
            .MapPost("/admin/notices", SaveTemplateAsync)
            .RequirePermission(CorePermissions.Administer)
            .ExcludeFromDescription();
        tenant.MapGet("/reply/{token}", ReplyPageAsync).AllowAnonymous().ExcludeFromDescription();
        tenant.MapPost("/reply/{token}", AnswerAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// Saves the rows whose answer is chosen and that differ from what is kept; every row is checked before any is
    /// written.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<MeetingPage>>> SaveRepliesAsync(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        Audience reader,
        MeetingStore meetings,
        MeetingContext context,
        NoticeStore notices,
        TimeProvider time,
        [AsParameters] MeetingPageServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        // The meeting first: another tenant's meeting is a 404 whatever was posted.
        var (_, current) = await services.ReplyBook.ListAsync(tenantId, meetingId, cancellationToken);
        var form = await EditForms.ReadAsync(http, cancellationToken);
        var today = Clock.TodayInJapan(time);
        var posted = new Dictionary<string, ReplyFormRow>();
        var errors = new Dictionary<string, string[]>();
        var changed = new List<MeetingReply>();
        foreach (var row in current.Organisations)
        {
            var id = row.OrganisationId;
            var typed = new ReplyFormRow(
                form.Text($"answer-{id}"),
                form.Text($"headCount-{id}"),
                form.Text($"names-{id}"),
                form.Text($"note-{id}"),
                form.Text($"receivedVia-{id}"),
                form.Text($"receivedAt-{id}")
            );
            posted[id] = typed;
            if (typed.Answer is null)
                continue;
            var count = JapaneseText.Normalize(typed.HeadCount);
            var refusal = new ValidationErrors();
            int? headCount = null;
            if (count.Length > 0 && !int.TryParse(count, out var n))
                refusal.Add("headCount", "reply.invalid_count", "人数は数字で入力してください。");
            else if (count.Length > 0)
                headCount = int.Parse(count);
            var input = new ReplyInput(
                typed.Answer,
                headCount,
                typed.Names,
                typed.Note,
                typed.ReceivedVia,
                // A day left blank keeps the day the reply was first received.
                typed.ReceivedAt
                    ?? row.Reply?.ReceivedAt
            );
            var (reply, checkedRefusal) = refusal.Any
                ? (null, refusal)
                : NoticeRules.CheckReply(id, input, reader.Name, today);
            if (reply is null)
            {
                foreach (var (field, messages) in EditForms.Messages(checkedRefusal))
                    errors[$"{field}-{id}"] = messages;
                continue;
            }
            if (row.Reply is not { } kept || !Same(kept, reply))
                changed.Add(reply);
        }
        if (errors.Count > 0)
        {
            var page = await MeetingPages.MeetingPageAsync(
                http,
                tenant,
                meetingId,
                meetings,
                context,
                services,
                cancellationToken
            );
            var model = (MeetingModel)page.Parameters[nameof(MeetingPage.Model)]!;
            var refused = PageResult.For<MeetingPage, MeetingModel>(
                model with
                {
                    Replies = new ReplyTableModel(current, posted, errors, false),
                }
            );
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }
        await notices.SaveRepliesAsync(tenantId, meetingId, changed, cancellationToken);
        return TypedResults.Redirect($"/{tenantId}/meetings/{meetingId}?replies=saved#replies");
    }

    private static bool Same(MeetingReply a, MeetingReply b) =>
        a.Answer == b.Answer
        && a.HeadCount == b.HeadCount
        && a.Names == b.Names
        && a.Note == b.Note
        && a.ReceivedVia == b.ReceivedVia
        && a.ReceivedAt == b.ReceivedAt;

    public static async Task<RazorComponentResult<NoticeTemplatePage>> TemplatePageAsync(
        ITenantContext tenant,
        bool? saved,
        NoticeStore notices,
        ReplyLinks links,
        CancellationToken cancellationToken
    )
    {
        var t = await notices.TemplateAsync(tenant.Tenant.Id, cancellationToken);
        var form = new NoticeTemplateInput(
            t.Prefix,
            t.Opening,
            t.Closing,
            t.Bring,
            t.Contact,
            t.ReplyDaysBefore,
            t.ReplyNote
        );
        return PageResult.For<NoticeTemplatePage, NoticeTemplateModel>(
            new NoticeTemplateModel(tenant.Tenant, form, null, saved == true, links.Enabled)
        );
    }

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<NoticeTemplatePage>>> SaveTemplateAsync(
        HttpContext http,
        ITenantContext tenant,
        Audience reader,
        NoticeStore notices,
        ReplyLinks links,
        CancellationToken cancellationToken
    )
    {
        var form = await EditForms.ReadAsync(http, cancellationToken);
        var days = form.Number("replyDaysBefore", out var daysOk);
        var input = new NoticeTemplateInput(
            form.Text("prefix"),
            form.Text("opening"),
            form.Text("closing"),
            form.Text("bring"),
            form.Text("contact"),
            daysOk ? days : -1,
            form.Text("replyNote")
        );
        var (template, refusal) = NoticeRules.CheckTemplate(input);
        if (template is null)
        {
            var page = PageResult.For<NoticeTemplatePage, NoticeTemplateModel>(
                new NoticeTemplateModel(tenant.Tenant, input, EditForms.Messages(refusal), false, links.Enabled)
            );
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await notices.SaveTemplateAsync(tenant.Tenant.Id, template, reader.Name, cancellationToken);
        return TypedResults.Redirect($"/{tenant.Tenant.Id}/admin/notices?saved=true");
    }

    /// <summary>A link that cannot be used answers its page with the problem's status and a Japanese explanation.</summary>
    public static async Task<RazorComponentResult<ReplyPage>> ReplyPageAsync(
        HttpContext http,
        ITenantContext tenant,
        string token,
        bool? saved,
        ReplyDesk desk,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var (_, view) = await desk.OpenAsync(http, tenant.Tenant.Id, token, cancellationToken);
            return PageResult.For<ReplyPage, ReplyPageModel>(
                new ReplyPageModel(tenant.Tenant, token, view, null, null, null, saved == true)
            );
        }
        catch (PlatformException e) when (e.Code.StartsWith("reply.", StringComparison.Ordinal))
        {
            return Refused(tenant, token, e);
        }
    }

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<ReplyPage>>> AnswerAsync(
        HttpContext http,
        ITenantContext tenant,
        string token,
        ReplyDesk desk,
        CancellationToken cancellationToken
    )
    {
        // The link first: one that leads nowhere is refused whatever was posted; as a page to a browser's form, as
        // problem+json to anything else.
        try
        {
            await desk.OpenAsync(http, tenant.Tenant.Id, token, cancellationToken);
        }
        catch (PlatformException e)
            when (e.Code.StartsWith("reply.", StringComparison.Ordinal) && http.Request.HasFormContentType)
        {
            return Refused(tenant, token, e);
        }
        var form = await EditForms.ReadAsync(http, cancellationToken);
        var typed = new ReplyFormRow(
            form.Text("answer"),
            form.Text("headCount"),
            form.Text("names"),
            form.Text("note"),
            null,
            null
        );
        var count = JapaneseText.Normalize(typed.HeadCount);
        try
        {
            if (count.Length > 0 && !int.TryParse(count, out _))
                throw new ValidationErrors()
                    .Add("headCount", "reply.invalid_count", "人数は数字で入力してください。")
                    .ToException();
            var input = new ReplyInput(
                typed.Answer,
                count.Length > 0 ? int.Parse(count) : null,
                typed.Names,
                typed.Note
            );
            await desk.AnswerAsync(http, tenant.Tenant.Id, token, input, cancellationToken);
            return TypedResults.Redirect($"/{tenant.Tenant.Id}/reply/{token}?saved=true");
        }
        catch (PlatformException e) when (e.Errors is not null)
        {
            var (_, view) = await desk.OpenAsync(http, tenant.Tenant.Id, token, cancellationToken);
            var page = PageResult.For<ReplyPage, ReplyPageModel>(
                new ReplyPageModel(tenant.Tenant, token, view, null, typed, e.Errors, false)
            );
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        catch (PlatformException e) when (e.Code.StartsWith("reply.", StringComparison.Ordinal))
        {
            return Refused(tenant, token, e);
        }
    }

    private static RazorComponentResult<ReplyPage> Refused(ITenantContext tenant, string token, PlatformException e)
    {
        var page = PageResult.For<ReplyPage, ReplyPageModel>(
            new ReplyPageModel(tenant.Tenant, token, null, e, null, null, false)
        );
        page.StatusCode = e.Status;
        return page;
    }
}
