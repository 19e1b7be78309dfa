using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;

namespace Platform.Core.Mail;

/// <summary>The outbox as staff see it: whether mail is configured at all, and its latest mails.</summary>
public sealed record OutboxView(bool Configured, string? Message, IReadOnlyList<OutboxEntry> Mails);

/// <summary>A coordinator (or admin) of the tenant and the address the weekly digest goes to (null: none).</summary>
public sealed record DigestRecipient(string UserName, string DisplayName, string Role, string? Address);

/// <summary>The address of an account's weekly digest; null or empty removes it.</summary>
public sealed record DigestRecipientInput(string? Address);

/// <summary>What the mail handlers use, bound as one parameter.</summary>
public sealed record MailServices(
    OutboxStore Outbox,
    MailPlanner Planner,
    AccountStore Accounts,
    IOptions<MailOptions> Options
);

/// <summary><c>/api/meetings/{id}/notices/mail</c> and <c>/api/mail/…</c>: queueing notices, the outbox, the
/// digest's recipients.</summary>
public static class MailApi
{
    public const int Listed = 200;

    public static void MapMailApi(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapPost("/api/meetings/{meetingId}/notices/mail", QueueNoticeMails)
            .WithTags("Mail")
            .RequirePermission(CorePermissions.Manage)
            .Describe("queueNoticeMails", "開催通知をメールで送る", "Mail a meeting's notices")
            .Refuses(400, "validation.failed", "mail.invalid_address", "mail.attachment_too_large", "mail.not_convened")
            .Refuses(404, "meeting.not_found")
            .Refuses(409, MailRules.NotConfiguredCode);
        var api = tenant.MapGroup("/api/mail").WithTags("Mail").RequirePermission(CorePermissions.Administer);
        api.MapGet("/outbox", GetOutbox)
            .Describe("getMailOutbox", "メールの送信状況", "The mail outbox")
            .Refuses(400, "mail.invalid_status");
        api.MapGet("/recipients", ListDigestRecipients)
            .Describe("listDigestRecipients", "週次まとめの送信先", "Recipients of the weekly digest");
        api.MapPut("/recipients/{userName}", SetDigestRecipient)
            .Describe("setDigestRecipient", "週次まとめの送信先を設定", "Set a weekly digest's address")
            .Refuses(400, "mail.invalid_address", "mail.not_coordinator")
            .Refuses(404, "account.not_found");
    }

    public static async Task<Results<Ok<NoticeMailResult>, ProblemHttpResult>> QueueNoticeMails(
        ITenantContext tenant,
        string meetingId,
        NoticeMailInput input,
        MailPlanner planner,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await planner.QueueNoticesAsync(tenant.Tenant, meetingId, input, cancellationToken));

    public static async Task<Results<Ok<OutboxView>, ProblemHttpResult>> GetOutbox(
        ITenantContext tenant,
        string? status,
        [AsParameters] MailServices services,
        CancellationToken cancellationToken
    )
    {
        string[] statuses =
        [
            OutboxStore.Statuses.Queued,
            OutboxStore.Statuses.Sending,
            OutboxStore.Statuses.Sent,
            OutboxStore.Statuses.Failed,
        ];
        if (status is not null && !statuses.Contains(status))
            return new ValidationErrors()
                .Add("status", "mail.invalid_status", "状態は queued、sending、sent、failed のいずれかです。")
                .ToProblem();
        return TypedResults.Ok(await OutboxAsync(tenant.Tenant.Id, status, services, cancellationToken));
    }

    public static async Task<OutboxView> OutboxAsync(
        string tenantId,
        string? status,
        MailServices services,
        CancellationToken cancellationToken
    )
    {
        var configured = services.Options.Value.Configured;
        return new OutboxView(
            configured,
            configured ? null : MailRules.NotConfigured + "。",
            await services.Outbox.ListAsync(tenantId, status, Listed, cancellationToken)
        );
    }

    public static async Task<Ok<IReadOnlyList<DigestRecipient>>> ListDigestRecipients(
        ITenantContext tenant,
        [AsParameters] MailServices services,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await RecipientsAsync(tenant.Tenant.Id, services, cancellationToken));

    /// <summary>The tenant's accounts that may receive the digest (coordinator and up), with their
    /// addresses.</summary>
    public static async Task<IReadOnlyList<DigestRecipient>> RecipientsAsync(
        string tenantId,
        MailServices services,
        CancellationToken cancellationToken
    )
    {
        var addresses = await services.Outbox.RecipientsAsync(tenantId, cancellationToken);
        return (await services.Accounts.ListForTenantAsync(tenantId, cancellationToken))
            .Select(a => (Account: a, Role: HighestRole(a, tenantId)))
            .Where(a => a.Role >= Role.Coordinator)
            .OrderBy(a => a.Account.UserName, StringComparer.Ordinal)
            .Select(a => new DigestRecipient(
                a.Account.UserName,
                a.Account.DisplayName,
                Account.Japanese(a.Role!.Value),
                addresses.GetValueOrDefault(a.Account.Id)
            ))
            .ToList();
    }

    public static async Task<Results<Ok<DigestRecipient>, ProblemHttpResult>> SetDigestRecipient(
        ITenantContext tenant,
        string userName,
        DigestRecipientInput input,
        [AsParameters] MailServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var account =
            (await services.Accounts.ListForTenantAsync(tenantId, cancellationToken)).FirstOrDefault(a =>
                a.UserName == userName
            ) ?? throw PlatformException.NotFound("account.not_found", "利用者");
        var role = HighestRole(account, tenantId);
        string? address = null;
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(input.Address))
            (address, errors) = MailRules.CheckAddress(input.Address);
        if (role < Role.Coordinator)
            errors.Add("userName", "mail.not_coordinator", "週次まとめはコーディネーター以上の利用者にだけ送れます。");
        if (errors.Any)
            return errors.ToProblem();
        await services.Outbox.SetRecipientAsync(tenantId, account.Id, address, cancellationToken);
        return TypedResults.Ok(
            new DigestRecipient(account.UserName, account.DisplayName, Account.Japanese(role!.Value), address)
        );
    }

    /// <summary>The highest role an account holds anywhere in the tenant (a district coordinator counts).</summary>
    private static Role? HighestRole(Account account, string tenantId) =>
        account.Grants.Where(g => g.TenantId == tenantId).Select(g => (Role?)g.Role).Max();
}
