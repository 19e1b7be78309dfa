using System.Data.Common;
using Dapper;
using Platform.Core.Storage;

namespace Platform.Core.Mail;

/// <summary>A mail to queue: who, what, and the key that makes queueing it twice a no-op.</summary>
public sealed record OutgoingMail(
    string Kind,
    string DedupeKey,
    string Recipient,
    string? RecipientName,
    string Subject,
    string BodyText,
    string? BodyHtml = null,
    IReadOnlyList<MailAttachment>? Attachments = null
);

/// <summary>A row of the outbox as staff see it (no body, no attachment bytes).</summary>
public sealed record OutboxEntry(
    string Id,
    string Kind,
    string Recipient,
    string? RecipientName,
    string Subject,
    string Status,
    int Attempts,
    string NextAttemptAt,
    string? LastError,
    string CreatedAt,
    string? SentAt,
    int AttachmentCount
);

/// <summary>A mail a sender has claimed: everything needed to send it, and the token that proves the claim.</summary>
public sealed record ClaimedMail(
    string Id,
    string TenantId,
    string Recipient,
    string? RecipientName,
    string Subject,
    string BodyText,
    string? BodyHtml,
    string MessageId,
    int Attempts,
    string ClaimToken,
    IReadOnlyList<MailAttachment> Attachments
);

/// <summary>
/// The outbox (<c>mail_outbox</c>). Queueing and sending meet only here: a mail is inserted once (its dedupe key is
/// unique), claimed by one sender at a time with a single conditional UPDATE and a lease, and marked sent or
/// released for a later attempt by the holder of the claim only.
/// </summary>
public sealed class OutboxStore(Database database, TimeProvider time)
{
    public static class Statuses
    {
        public const string Queued = "queued";
        public const string Sending = "sending";
        public const string Sent = "sent";
        public const string Failed = "failed";
    }

    private const string ExistingKeys = """
        SELECT dedupe_key FROM mail_outbox WHERE dedupe_key IN @keys
        """;

    private const string ExistingKeysPostgres = """
        SELECT dedupe_key FROM mail_outbox WHERE dedupe_key = ANY(@keys)
        """;

    private const string InsertMail = """
        INSERT INTO mail_outbox (tenant_id, mail_id, dedupe_key, kind, recipient, recipient_name, subject, body_text,
            body_html, message_id, status, attempts, next_attempt_at, created_at)
        VALUES (@tenantId, @id, @DedupeKey, @Kind, @Recipient, @RecipientName, @Subject, @BodyText, @BodyHtml,
            @messageId, 'queued', 0, @now, @now)
        """;

    private const string InsertAttachment = """
        INSERT INTO mail_attachments (mail_id, position, file_name, content_type, content)
        VALUES (@id, @position, @FileName, @ContentType, @Content)
        """;

    private const string ListSql = """
        SELECT o.mail_id AS Id, o.kind AS Kind, o.recipient AS Recipient, o.recipient_name AS RecipientName,
            o.subject AS Subject, o.status AS Status, o.attempts AS Attempts, o.next_attempt_at AS NextAttemptAt,
            o.last_error AS LastError, o.created_at AS CreatedAt, o.sent_at AS SentAt,
            (SELECT COUNT(*) FROM mail_attachments a WHERE a.mail_id = o.mail_id) AS AttachmentCount
        FROM mail_outbox o
        WHERE o.tenant_id = @tenantId AND (@status IS NULL OR o.status = @status)
        ORDER BY o.created_at DESC, o.mail_id
        """;

    // Due: queued and its time has come, or claimed by a host whose lease ran out (it died or hung mid-send).
    private const string DueSql = """
        SELECT mail_id FROM mail_outbox
        WHERE (status = 'queued' AND next_attempt_at <= @now) OR (status = 'sending' AND lease_until < @now)
        ORDER BY next_attempt_at, mail_id
        """;

    // The claim: one UPDATE that only one host's can match, since it re-checks what made the row due.
    private const string ClaimSql = """
        UPDATE mail_outbox
        SET status = 'sending', claim_token = @token, lease_until = @leaseUntil, attempts = attempts + 1
        WHERE mail_id = @id
          AND ((status = 'queued' AND next_attempt_at <= @now) OR (status = 'sending' AND lease_until < @now))
        """;

    private const string ClaimedSql = """
        SELECT mail_id AS Id, tenant_id AS TenantId, recipient AS Recipient, recipient_name AS RecipientName,
            subject AS Subject, body_text AS BodyText, body_html AS BodyHtml, message_id AS MessageId,
            attempts AS Attempts, claim_token AS ClaimToken
        FROM mail_outbox WHERE mail_id = @id AND claim_token = @token
        """;

    private const string AttachmentsSql = """
        SELECT file_name AS FileName, content_type AS ContentType, content AS Content
        FROM mail_attachments WHERE mail_id = @id ORDER BY position
        """;

    private const string MarkSentSql = """
        UPDATE mail_outbox
        SET status = 'sent', sent_at = @now, claim_token = NULL, lease_until = NULL, last_error = NULL
        WHERE mail_id = @id AND claim_token = @token AND status = 'sending'
        """;

    private const string ReleaseSql = """
        UPDATE mail_outbox
        SET status = @status, next_attempt_at = @next, claim_token = NULL, lease_until = NULL, last_error = @error
        WHERE mail_id = @id AND claim_token = @token AND status = 'sending'
        """;

    private const string SetRecipientSql = """
        UPDATE mail_recipients SET address = @address WHERE tenant_id = @tenantId AND account_id = @accountId
        """;

    private const string InsertRecipientSql = """
        INSERT INTO mail_recipients (tenant_id, account_id, address) VALUES (@tenantId, @accountId, @address)
        """;

    private const string DeleteRecipientSql = """
        DELETE FROM mail_recipients WHERE tenant_id = @tenantId AND account_id = @accountId
        """;

    private const string RecipientsSql = """
        SELECT account_id, address FROM mail_recipients WHERE tenant_id = @tenantId
        """;

    private sealed class EntryRow
    {
        public string Id { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string? RecipientName { get; init; }
        public string Subject { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public string NextAttemptAt { get; init; } = "";
        public string? LastError { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? SentAt { get; init; }
        public long AttachmentCount { get; init; }

        public OutboxEntry ToEntry() =>
            new(
                Id,
                Kind,
                Recipient,
                RecipientName,
                Subject,
                Status,
                Attempts,
                NextAttemptAt,
                LastError,
                CreatedAt,
                SentAt,
                (int)AttachmentCount
            );
    }

    private sealed class ClaimedRow
    {
        public string Id { get; init; } = "";
        public string TenantId { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string? RecipientName { get; init; }
        public string Subject { get; init; } = "";
        public string BodyText { get; init; } = "";
        public string? BodyHtml { get; init; }
        public string MessageId { get; init; } = "";
        public int Attempts { get; init; }
        public string ClaimToken { get; init; } = "";
    }

    private sealed class AttachmentRow
    {
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public byte[] Content { get; init; } = [];
    }

    private string Now() => Instant(time.GetUtcNow());

    /// <summary>Instants as the outbox stores them: UTC, fixed width, so that text order is time order.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Queues the mails whose dedupe key is new, all in one transaction, and answers which keys were queued now (the
    /// others were queued before). A key queued by another host at the same moment is counted as queued before.
    /// </summary>
    public async Task<IReadOnlySet<string>> QueueAsync(
        string tenantId,
        IReadOnlyList<OutgoingMail> mails,
        string messageDomain,
        CancellationToken cancellationToken = default
    )
    {
        if (mails.Count == 0)
            return new HashSet<string>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.InTransactionAsync(
                    async (connection, transaction) =>
                    {
                        var keys = mails.Select(m => m.DedupeKey).Distinct().ToArray();
                        var existing = (
                            await connection.QueryAsync<string>(
                                database.Provider == DatabaseProvider.Postgres ? ExistingKeysPostgres : ExistingKeys,
                                new { keys },
                                transaction
                            )
                        ).ToHashSet();
                        var queued = new HashSet<string>();
                        var now = Now();
                        foreach (var mail in mails.Where(m => !existing.Contains(m.DedupeKey)))
                        {
                            if (!queued.Add(mail.DedupeKey))
                                continue;
                            await InsertAsync(connection, transaction, tenantId, mail, messageDomain, now);
                        }
                        return (IReadOnlySet<string>)queued;
                    },
                    cancellationToken
                );
            }
            catch (DbException e) when (SqlDialect.IsUniqueViolation(e) && attempt < 3)
            {
                // Another host queued one of these keys between our check and our insert: start again, it is
                // "queued before" now.
            }
        }
    }

    private static async Task InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        OutgoingMail mail,
        string messageDomain,
        string now
    )
    {
        var id = Guid.NewGuid().ToString("N");
        // The Message-ID is fixed when the mail is queued, so a mail sent twice in the at-least-once corner (see
        // docs/mail.md) carries the same Message-ID both times and mail programs show it once.
        var messageId = $"{id}@{messageDomain}";
        await connection.ExecuteAsync(
            InsertMail,
            new
            {
                tenantId,
                id,
                mail.DedupeKey,
                mail.Kind,
                mail.Recipient,
                mail.RecipientName,
                mail.Subject,
                mail.BodyText,
                mail.BodyHtml,
                messageId,
                now,
            },
            transaction
        );
        var position = 0;
        foreach (var a in mail.Attachments ?? [])
            await connection.ExecuteAsync(
                InsertAttachment,
                new
                {
                    id,
                    position = position++,
                    a.FileName,
                    a.ContentType,
                    a.Content,
                },
                transaction
            );
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(
        string tenantId,
        string? status,
        int limit,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(
            database.Dialect.Limit(ListSql, limit),
            new { tenantId, status }
        );
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>Claims up to <paramref name="max"/> due mails for this sender; each claim holds until
    /// <paramref name="lease"/> has passed.</summary>
    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(
        int max,
        TimeSpan lease,
        CancellationToken cancellationToken = default
    )
    {
        var claimed = new List<ClaimedMail>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var nowAt = time.GetUtcNow();
        var now = Instant(nowAt);
        var due = (await connection.QueryAsync<string>(database.Dialect.Limit(DueSql, max), new { now })).ToList();
        foreach (var id in due)
        {
            var token = Guid.NewGuid().ToString("N");
            var won = await database.OneWriterAsync(
                () =>
                    connection.ExecuteAsync(
                        ClaimSql,
                        new
                        {
                            id,
                            token,
                            now,
                            leaseUntil = Instant(nowAt + lease),
                        }
                    ),
                cancellationToken
            );
            if (won != 1)
                continue; // another host claimed it first
            var r = await connection.QuerySingleAsync<ClaimedRow>(ClaimedSql, new { id, token });
            var attachments = await connection.QueryAsync<AttachmentRow>(AttachmentsSql, new { id });
            claimed.Add(
                new ClaimedMail(
                    r.Id,
                    r.TenantId,
                    r.Recipient,
                    r.RecipientName,
                    r.Subject,
                    r.BodyText,
                    r.BodyHtml,
                    r.MessageId,
                    r.Attempts,
                    r.ClaimToken,
                    attachments.Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content)).ToList()
                )
            );
        }
        return claimed;
    }

    /// <summary>Marks a claimed mail sent; false when the claim was lost (the lease ran out and another host took
    /// it).</summary>
    public async Task<bool> MarkSentAsync(ClaimedMail mail, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await database.OneWriterAsync(
            () =>
                connection.ExecuteAsync(
                    MarkSentSql,
                    new
                    {
                        id = mail.Id,
                        token = mail.ClaimToken,
                        now = Now(),
                    }
                ),
            cancellationToken
        );
        return changed == 1;
    }

    /// <summary>Gives a claimed mail back: queued again at <paramref name="next"/>, or failed for good.</summary>
    public async Task ReleaseAsync(
        ClaimedMail mail,
        bool giveUp,
        DateTimeOffset next,
        string error,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.OneWriterAsync(
            () =>
                connection.ExecuteAsync(
                    ReleaseSql,
                    new
                    {
                        id = mail.Id,
                        token = mail.ClaimToken,
                        status = giveUp ? Statuses.Failed : Statuses.Queued,
                        next = Instant(next),
                        error = error.Length > 1000 ? error[..1000] : error,
                    }
                ),
            cancellationToken
        );
    }

    /// <summary>Each account's digest address in the tenant, by account id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RecipientsAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string AccountId, string Address)>(RecipientsSql, new { tenantId });
        return rows.ToDictionary(r => r.AccountId, r => r.Address);
    }

    /// <summary>Sets (or, with null, removes) the address an account's digest goes to.</summary>
    public Task SetRecipientAsync(
        string tenantId,
        string accountId,
        string? address,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (address is null)
                    return await connection.ExecuteAsync(DeleteRecipientSql, new { tenantId, accountId }, transaction);
                var changed = await connection.ExecuteAsync(
                    SetRecipientSql,
                    new
                    {
                        tenantId,
                        accountId,
                        address,
                    },
                    transaction
                );
                return changed > 0
                    ? changed
                    : await connection.ExecuteAsync(
                        InsertRecipientSql,
                        new
                        {
                            tenantId,
                            accountId,
                            address,
                        },
                        transaction
                    );
            },
            cancellationToken
        );
}
