using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Core.Mail;

/// <summary>
/// <c>Mail:*</c>: the municipality's SMTP server and how the outbox uses it. Without <see cref="Host"/> nothing is
/// queued or sent, and the pages say so. The timings are settings so that tests can run them in milliseconds.
/// </summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>true: STARTTLS is required; false: never (a relay on the same machine); unset: used when the server
    /// offers it.</summary>
    public bool? StartTls { get; set; }

    /// <summary>How many days before a planned meeting its reminder goes to the convened organisations.</summary>
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>The day of the week from which the weekly digest of that week is planned.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The largest attachment accepted into the outbox (a mail server refuses larger mails anyway).</summary>
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan PlanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first wait after a failed attempt; it doubles with each further one, up to
    /// <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this many attempts a mail is given up (failed): about a day of retries with the
    /// defaults.</summary>
    public int MaxAttempts { get; set; } = 60;

    /// <summary>How long a claimed mail is a host's own; longer than one SMTP conversation can take.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The address people open the platform at (e.g. https://kaigi.city.example.jp), for links in
    /// mails; without it mails carry no links.</summary>
    public string? SiteUrl { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Checks <c>Mail:*</c> at start, so a mistyped setting stops the host with its name instead of losing
/// mail later.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions o)
    {
        var failures = new List<string>();
        if (o.ReminderDaysBefore is < 0 or > 60)
            failures.Add($"Mail:ReminderDaysBefore must be 0–60 days (is {o.ReminderDaysBefore}).");
        if (o.MaxAttachmentBytes <= 0)
            failures.Add("Mail:MaxAttachmentBytes must be positive.");
        if (o.PollInterval <= TimeSpan.Zero || o.PlanInterval <= TimeSpan.Zero || o.RetryDelay <= TimeSpan.Zero)
            failures.Add("Mail:PollInterval, Mail:PlanInterval and Mail:RetryDelay must be positive.");
        if (o.MaxRetryDelay < o.RetryDelay)
            failures.Add("Mail:MaxRetryDelay must not be shorter than Mail:RetryDelay.");
        if (o.MaxAttempts < 1)
            failures.Add("Mail:MaxAttempts must be at least 1.");
        if (o.Lease < o.SmtpTimeout)
            failures.Add("Mail:Lease must be longer than Mail:SmtpTimeout, or two hosts could send one mail.");
        if (o.Configured)
        {
            if (o.Port is < 1 or > 65535)
                failures.Add($"Mail:Port must be 1–65535 (is {o.Port}).");
            if (string.IsNullOrWhiteSpace(o.From) || !MailRules.IsAddress(o.From))
                failures.Add(
                    "Mail:From must be the sender's mail address when Mail:Host is set (e.g. kaigi@city.example.jp)."
                );
            if (string.IsNullOrEmpty(o.User) != string.IsNullOrEmpty(o.Password))
                failures.Add("Mail:User and Mail:Password are given together or not at all.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
