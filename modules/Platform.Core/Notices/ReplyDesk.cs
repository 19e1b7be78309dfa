using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Core.Audit;

namespace Platform.Core.Notices;

/// <summary>
/// The public side of the reply links: whoever holds a letter's link sees that meeting's name, day and venue and their
/// own reply, and may answer once. Requests are counted per client address (<c>Notices:ReplyPerMinute</c>, 20 by
/// default) so that tokens cannot be guessed at speed; an answer is written to the audit log with the change.
/// </summary>
public sealed class ReplyDesk(ReplyLinks links, ReplyBook book, NoticeStore notices, IConfiguration configuration)
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, configuration.GetValue("Notices:ReplyPerMinute", 20)),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }
        )
    );

    /// <summary>The link's meeting and reply, and its ticket; refused as <see cref="ReplyLinks.Read"/> refuses.</summary>
    public async Task<(ReplyTicket Ticket, ReplyLinkView View)> OpenAsync(
        HttpContext http,
        string tenantId,
        string token,
        CancellationToken cancellationToken
    )
    {
        Admit(http);
        var ticket = links.Read(tenantId, token);
        var (meeting, replies) = await book.ListAsync(tenantId, ticket.MeetingId, cancellationToken);
        var row =
            replies.Organisations.FirstOrDefault(o => o.OrganisationId == ticket.OrganisationId)
            ?? throw NoticeLetters.NotConvened("reply.not_convened");
        return (
            ticket,
            new ReplyLinkView(
                NoticeLetters.MeetingName(meeting),
                Clock.Iso(meeting.Date),
                NoticeLetters.When(meeting),
                string.Join("　", new[] { meeting.Venue, meeting.Room }.Where(v => !string.IsNullOrWhiteSpace(v))),
                row.OrganisationName,
                row.Reply,
                await notices.TokenUsedAsync(ticket.TokenId, cancellationToken)
            )
        );
    }

    /// <summary>Records the answer and spends the token, with its audit row, in one transaction.</summary>
    public async Task<ReplyLinkView> AnswerAsync(
        HttpContext http,
        string tenantId,
        string token,
        ReplyInput input,
        CancellationToken cancellationToken
    )
    {
        var (ticket, view) = await OpenAsync(http, tenantId, token, cancellationToken);
        if (view.Used)
            throw ReplyLinks.Used();
        var by = $"回答用リンク（{view.OrganisationName}）";
        var entry = new AuditEntry(
            Clock.Now(),
            by,
            http.Request.Method,
            "reply-link",
            $"/{tenantId}/api/meetings/{ticket.MeetingId}/replies/{ticket.OrganisationId}",
            StatusCodes.Status200OK
        );
        using (PendingAudit.Begin(tenantId, entry))
        {
            var (reply, refusal) = await book.SaveAsync(
                tenantId,
                ticket.MeetingId,
                ticket.OrganisationId,
                input,
                by,
                "web",
                cancellationToken,
                ticket.TokenId
            );
            if (reply is null)
                throw refusal!;
            return view with { Reply = reply, Used = true };
        }
    }

    private void Admit(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "local");
        if (!lease.IsAcquired)
        {
            var refusal = new PlatformException(
                429,
                "reply.rate_limited",
                "アクセスが多すぎます。",
                "1分ほど待ってから、もう一度お試しください。"
            );
            refusal.Extensions[PlatformException.RetryAfterExtension] = 60;
            throw refusal;
        }
    }
}
