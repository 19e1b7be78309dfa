using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Core.Mail;

/// <summary>Wakes the sender when something was queued, so a mail does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Poke()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Poked already: one wake-up is enough.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Sends the outbox: claims due mails (one UPDATE per mail, so that of several hosts exactly one sends each), hands
/// them to the SMTP server and marks each sent as soon as the server has accepted it. A server that cannot be reached
/// or answers "try later" puts the claimed mails back with a growing delay; one that refuses a mail for good (5xx)
/// fails that mail alone.
/// </summary>
public sealed partial class MailSender(
    OutboxStore outbox,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<MailSender> logger
) : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Configured)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var sent = 0;
                try
                {
                    sent = await SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be down for a moment: the mails stay in the outbox.
                    LogLoopFailed(e);
                }
                if (sent < Batch)
                    await signal.WaitAsync(o.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>One round: claims up to a batch of due mails and sends them over one connection; answers how many
    /// were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var claimed = await outbox.ClaimAsync(Batch, o.Lease, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        using var client = new SmtpClient { Timeout = (int)o.SmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, Security(o), cancellationToken);
            if (!string.IsNullOrEmpty(o.User))
                await client.AuthenticateAsync(o.User, o.Password ?? "", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogServerUnreachable(o.Host!, o.Port, claimed.Count, e.Message);
            foreach (var mail in claimed)
                await RetryAsync(mail, $"メールサーバーに接続できません: {e.Message}", permanent: false);
            return claimed.Count;
        }
        foreach (var mail in claimed)
        {
            try
            {
                await client.SendAsync(Compose(mail, o), cancellationToken);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                await RetryAsync(
                    mail,
                    $"メールサーバーが受け付けませんでした（{(int)e.StatusCode}）: {e.Message}",
                    true
                );
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await RetryAsync(mail, $"送信できませんでした: {e.Message}", permanent: false);
                continue;
            }
            // Accepted by the server: from here on it is the server's to deliver. Marked at once; a crash in between
            // would send it again after the lease (the at-least-once corner, docs/mail.md), with the same Message-ID.
            if (await outbox.MarkSentAsync(mail, CancellationToken.None))
                LogSent(mail.TenantId, mail.Id, mail.Attempts);
            else
                LogClaimLost(mail.Id);
        }
        try
        {
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Everything was sent and marked; a failed QUIT loses nothing.
        }
        return claimed.Count;
    }

    private async Task RetryAsync(ClaimedMail mail, string error, bool permanent)
    {
        var o = options.Value;
        var giveUp = permanent || mail.Attempts >= o.MaxAttempts;
        var delay = Backoff(o, mail.Attempts);
        await outbox.ReleaseAsync(mail, giveUp, time.GetUtcNow() + delay, error, CancellationToken.None);
        if (giveUp)
            LogGaveUp(mail.TenantId, mail.Id, mail.Attempts, error);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt: doubling from
    /// <c>Mail:RetryDelay</c>, at most <c>Mail:MaxRetryDelay</c>.</summary>
    public static TimeSpan Backoff(MailOptions o, int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ticks = Math.Min(o.RetryDelay.Ticks * factor, o.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static SecureSocketOptions Security(MailOptions o) =>
        o.StartTls switch
        {
            true => SecureSocketOptions.StartTls,
            false => SecureSocketOptions.None,
            null => SecureSocketOptions.StartTlsWhenAvailable,
        };

    /// <summary>The MIME message of a queued mail: text (and HTML) in UTF-8, its attachments, its fixed
    /// Message-ID.</summary>
    public static MimeMessage Compose(ClaimedMail mail, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From!));
        message.To.Add(new MailboxAddress(mail.RecipientName ?? "", mail.Recipient));
        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        var body = new BodyBuilder { TextBody = mail.BodyText, HtmlBody = mail.BodyHtml };
        foreach (var a in mail.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Mail} of tenant {Tenant} sent (attempt {Attempt})")]
    private partial void LogSent(string tenant, string mail, int attempt);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Mail server {Host}:{Port} unreachable; {Count} mails wait for a later attempt: {Error}"
    )]
    private partial void LogServerUnreachable(string host, int port, int count, string error);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Mail {Mail} of tenant {Tenant} given up after {Attempts} attempts: {Error}"
    )]
    private partial void LogGaveUp(string tenant, string mail, int attempts, string error);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Mail {Mail} was sent after its lease ran out; another host may send it again"
    )]
    private partial void LogClaimLost(string mail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail sender's round failed; it tries again")]
    private partial void LogLoopFailed(Exception exception);
}
