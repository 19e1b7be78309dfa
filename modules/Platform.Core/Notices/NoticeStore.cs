using System.Data.Common;
using System.Text.Json;
using Dapper;
using Platform.Abstractions.Calendar;
using Platform.Core.Bodies;
using Platform.Core.Storage;

namespace Platform.Core.Notices;

/// <summary>
/// A tenant's notice template, the document numbers given to a meeting's letters and the organisations' replies
/// (出欠). Numbers are given once per meeting and organisation and kept: a letter downloaded again carries the number it
/// was first issued with.
/// </summary>
public sealed class NoticeStore(Database database)
{
    private const string TemplateSql = """
        SELECT template_json FROM notice_templates WHERE tenant_id = @tenantId
        """;

    private const string DeleteTemplateSql = """
        DELETE FROM notice_templates WHERE tenant_id = @tenantId
        """;

    private const string InsertTemplateSql = """
        INSERT INTO notice_templates (tenant_id, template_json, updated_by, updated_at)
        VALUES (@tenantId, @json, @by, @now)
        """;

    private const string NumbersSql = """
        SELECT organisation_id AS OrganisationId, fiscal_year AS FiscalYear, number AS Number, issued_at AS IssuedAt
        FROM notice_numbers WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string LastNumberSql = """
        SELECT COALESCE(MAX(number), 0) FROM notice_numbers WHERE tenant_id = @tenantId AND fiscal_year = @fiscalYear
        """;

    private const string InsertNumberSql = """
        INSERT INTO notice_numbers (tenant_id, meeting_id, organisation_id, fiscal_year, number, issued_at)
        VALUES (@tenantId, @meetingId, @organisationId, @fiscalYear, @number, @issuedAt)
        """;

    private const string RepliesSql = """
        SELECT organisation_id AS OrganisationId, answer AS Answer, head_count AS HeadCount, names AS Names,
            note AS Note, received_via AS ReceivedVia, received_at AS ReceivedAt, recorded_by AS RecordedBy,
            recorded_at AS RecordedAt
        FROM meeting_replies WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string DeleteReplySql = """
        DELETE FROM meeting_replies
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND organisation_id = @OrganisationId
        """;

    private const string InsertReplySql = """
        INSERT INTO meeting_replies (tenant_id, meeting_id, organisation_id, answer, head_count, names, note,
            received_via, received_at, recorded_by, recorded_at)
        VALUES (@tenantId, @meetingId, @OrganisationId, @Answer, @HeadCount, @Names, @Note, @ReceivedVia, @ReceivedAt,
            @RecordedBy, @RecordedAt)
        """;

    private const string TokenUsedSql = """
        SELECT COUNT(*) FROM reply_tokens_used WHERE token_id = @tokenId
        """;

    private const string UseTokenSql = """
        INSERT INTO reply_tokens_used (token_id, tenant_id, used_at) VALUES (@tokenId, @tenantId, @now)
        """;

    /// <summary>A document number as kept: its fiscal year, its number in that year and when it was issued.</summary>
    public sealed record IssuedNumber(string OrganisationId, int FiscalYear, int Number, string IssuedAt)
    {
        /// <summary>The day of issue in Japan, the letter's date.</summary>
        public DateOnly IssuedOn => DateOnly.FromDateTime(DateTimeOffset.Parse(IssuedAt).ToOffset(JapanOffset).Date);

        private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    }

    // Rows as read: SQLite answers integers as long, which a record's constructor would not take.
    private sealed class NumberRow
    {
        public string OrganisationId { get; init; } = "";
        public long FiscalYear { get; init; }
        public long Number { get; init; }
        public string IssuedAt { get; init; } = "";
    }

    private sealed class ReplyRow
    {
        public string OrganisationId { get; init; } = "";
        public string Answer { get; init; } = "";
        public long HeadCount { get; init; }
        public string? Names { get; init; }
        public string? Note { get; init; }
        public string ReceivedVia { get; init; } = "";
        public string ReceivedAt { get; init; } = "";
        public string RecordedBy { get; init; } = "";
        public string RecordedAt { get; init; } = "";

        public MeetingReply ToReply() =>
            new(OrganisationId, Answer, (int)HeadCount, Names, Note, ReceivedVia, ReceivedAt, RecordedBy, RecordedAt);
    }

    /// <summary>The tenant's template, or the default one when the admin has not written it.</summary>
    public async Task<NoticeTemplate> TemplateAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(TemplateSql, new { tenantId });
        return json is null
            ? NoticeTemplate.Default
            : JsonSerializer.Deserialize<NoticeTemplate>(json, BodyStore.Json)!;
    }

    public Task SaveTemplateAsync(
        string tenantId,
        NoticeTemplate template,
        string by,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(DeleteTemplateSql, new { tenantId }, transaction);
                var json = JsonSerializer.Serialize(template, BodyStore.Json);
                return await connection.ExecuteAsync(
                    InsertTemplateSql,
                    new
                    {
                        tenantId,
                        json,
                        by,
                        now = Clock.Now(),
                    },
                    transaction
                );
            },
            cancellationToken
        );

    /// <summary>
    /// The numbers of a meeting's letters to <paramref name="organisationIds"/>: those issued before as they were, the
    /// others the next of the tenant's fiscal year of today, in the order given. Two requests at once may reach for the
    /// same number; the unique index refuses the second, which then reads again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IssuedNumber>> IssueAsync(
        string tenantId,
        string meetingId,
        IReadOnlyList<string> organisationIds,
        DateOnly today,
        CancellationToken cancellationToken = default
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await database.InTransactionAsync(
                    (connection, transaction) =>
                        IssueInAsync(connection, transaction, tenantId, meetingId, organisationIds, today),
                    cancellationToken
                );
            }
            catch (Exception e) when (attempt < 3 && SqlDialect.IsUniqueViolation(e)) { }
        }
    }

    private static async Task<IReadOnlyDictionary<string, IssuedNumber>> IssueInAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        string meetingId,
        IReadOnlyList<string> organisationIds,
        DateOnly today
    )
    {
        var issued = (await connection.QueryAsync<NumberRow>(NumbersSql, new { tenantId, meetingId }, transaction))
            .Select(r => new IssuedNumber(r.OrganisationId, (int)r.FiscalYear, (int)r.Number, r.IssuedAt))
            .ToDictionary(n => n.OrganisationId);
        var missing = organisationIds.Where(id => !issued.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
            return issued;
        var fiscalYear = FiscalYear.Of(today).Year;
        var last = await connection.ExecuteScalarAsync<int>(LastNumberSql, new { tenantId, fiscalYear }, transaction);
        var issuedAt = Clock.Now();
        foreach (var organisationId in missing)
        {
            var number = ++last;
            await connection.ExecuteAsync(
                InsertNumberSql,
                new
                {
                    tenantId,
                    meetingId,
                    organisationId,
                    fiscalYear,
                    number,
                    issuedAt,
                },
                transaction
            );
            issued[organisationId] = new IssuedNumber(organisationId, fiscalYear, number, issuedAt);
        }
        return issued;
    }

    public async Task<IReadOnlyList<MeetingReply>> RepliesAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ReplyRow>(RepliesSql, new { tenantId, meetingId }))
            .Select(r => r.ToReply())
            .ToList();
    }

    /// <summary>Records an organisation's reply in place of the one before.</summary>
    public Task SaveReplyAsync(
        string tenantId,
        string meetingId,
        MeetingReply reply,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            (connection, transaction) => WriteReplyAsync(connection, transaction, tenantId, meetingId, reply),
            cancellationToken
        );

    /// <summary>Records several replies together: all of them or none.</summary>
    public Task SaveRepliesAsync(
        string tenantId,
        string meetingId,
        IReadOnlyList<MeetingReply> replies,
        CancellationToken cancellationToken = default
    ) =>
        replies.Count == 0
            ? Task.CompletedTask
            : database.InTransactionAsync(
                async (connection, transaction) =>
                {
                    foreach (var reply in replies)
                        await WriteReplyAsync(connection, transaction, tenantId, meetingId, reply);
                    return replies.Count;
                },
                cancellationToken
            );

    /// <summary>
    /// Records a reply sent through a reply link and spends its token in the same transaction: a token used once is
    /// refused after, and a refused token writes nothing. Answers false when the token was spent already.
    /// </summary>
    public async Task<bool> SaveReplyWithTokenAsync(
        string tenantId,
        string meetingId,
        MeetingReply reply,
        string tokenId,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            return await database.InTransactionAsync(
                async (connection, transaction) =>
                {
                    if (await connection.ExecuteScalarAsync<int>(TokenUsedSql, new { tokenId }, transaction) > 0)
                        return false;
                    await connection.ExecuteAsync(
                        UseTokenSql,
                        new
                        {
                            tokenId,
                            tenantId,
                            now = Clock.Now(),
                        },
                        transaction
                    );
                    await WriteReplyAsync(connection, transaction, tenantId, meetingId, reply);
                    return true;
                },
                cancellationToken
            );
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> TokenUsedAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(TokenUsedSql, new { tokenId }) > 0;
    }

    private static async Task<int> WriteReplyAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        string meetingId,
        MeetingReply reply
    )
    {
        var row = new
        {
            tenantId,
            meetingId,
            reply.OrganisationId,
            reply.Answer,
            reply.HeadCount,
            reply.Names,
            reply.Note,
            reply.ReceivedVia,
            reply.ReceivedAt,
            reply.RecordedBy,
            reply.RecordedAt,
        };
        await connection.ExecuteAsync(DeleteReplySql, row, transaction);
        return await connection.ExecuteAsync(InsertReplySql, row, transaction);
    }
}
