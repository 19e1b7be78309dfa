using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Web;

namespace Platform.Core.Mail;

/// <summary>What the mail page shows: the outbox, the digest's recipients, and a refused or saved address.</summary>
public sealed record OutboxPageModel(
    TenantInfo Tenant,
    OutboxView Outbox,
    IReadOnlyList<DigestRecipient> Recipients,
    string? Status,
    string? ErrorUser,
    string? Error,
    bool Saved
);

/// <summary>The tenant admin's mail page, <c>/admin/mail</c>: what was sent, what waits and why, and where each
/// coordinator's weekly digest goes.</summary>
public static class MailPages
{
    public static void MapMailPages(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/admin/mail", OutboxPageAsync)
            .RequirePermission(CorePermissions.Administer)
            .ExcludeFromDescription();
        tenant
            .MapPost("/admin/mail/recipients", SaveRecipientAsync)
            .RequirePermission(CorePermissions.Administer)
            .ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<OutboxPage>> OutboxPageAsync(
        ITenantContext tenant,
        string? status,
        bool? saved,
        [AsParameters] MailServices services,
        CancellationToken cancellationToken
    ) => await PageAsync(tenant, status, null, null, saved == true, services, cancellationToken);

    /// <summary>A plain form post: saved, back to the page (post, redirect, get); refused, the page with the message
    /// beside the account's address.</summary>
    public static async Task<
        Results<RedirectHttpResult, RazorComponentResult<OutboxPage>, ProblemHttpResult>
    > SaveRecipientAsync(
        HttpContext http,
        ITenantContext tenant,
        [AsParameters] MailServices services,
        CancellationToken cancellationToken
    )
    {
        var form = await EditForms.ReadAsync(http, cancellationToken);
        var userName = form["userName"].ToString();
        // The page's own form (a browser) gets the page back with the message; anything else, the problem itself.
        var browser = http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
        if (userName.Length == 0 && !browser)
            return new ValidationErrors()
                .Add("userName", "mail.user_required", "利用者を指定してください。")
                .ToProblem();
        try
        {
            var answer = await MailApi.SetDigestRecipient(
                tenant,
                userName,
                new DigestRecipientInput(form["address"].ToString()),
                services,
                cancellationToken
            );
            if (answer.Result is ProblemHttpResult problem)
            {
                if (!browser)
                    return problem;
                var message =
                    problem.ProblemDetails.Extensions.TryGetValue("errors", out var found)
                    && found is IReadOnlyDictionary<string, string[]> errors
                        ? errors.Values.SelectMany(m => m).FirstOrDefault()
                        : problem.ProblemDetails.Title;
                var page = await PageAsync(tenant, null, userName, message, false, services, cancellationToken);
                page.StatusCode = StatusCodes.Status400BadRequest;
                return page;
            }
        }
        catch (PlatformException e) when (e.Status == 404 && browser)
        {
            var page = await PageAsync(tenant, null, userName, e.Title, false, services, cancellationToken);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        return TypedResults.Redirect($"/{tenant.Tenant.Id}/admin/mail?saved=true");
    }

    private static async Task<RazorComponentResult<OutboxPage>> PageAsync(
        ITenantContext tenant,
        string? status,
        string? errorUser,
        string? error,
        bool saved,
        MailServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        status = status is "queued" or "sending" or "sent" or "failed" ? status : null;
        return PageResult.For<OutboxPage, OutboxPageModel>(
            new OutboxPageModel(
                tenant.Tenant,
                await MailApi.OutboxAsync(tenantId, status, services, cancellationToken),
                await MailApi.RecipientsAsync(tenantId, services, cancellationToken),
                status,
                errorUser,
                error,
                saved
            )
        );
    }
}
