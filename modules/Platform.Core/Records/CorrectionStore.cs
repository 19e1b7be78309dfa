using System.Data.Common;
using System.Text.Json;
using Dapper;
using Platform.Core.Audit;
using Platform.Core.Privacy;
using Platform.Core.Storage;

namespace Platform.Core.Records;

/// <summary>
/// Writes corrections of a meeting's record (the meeting grain's, for agenda items, opinions and comments; the API's,
/// for action items) together with the correction kept and the request's audit row, in one transaction; reads the
/// corrections back.
/// </summary>
public sealed class CorrectionStore(Database database)
{
    private const string UpdateAgendaSql = """
        UPDATE agenda_items SET title = @Title, position = @Position
        WHERE tenant_id = @tenantId AND agenda_item_id = @Id
        """;

    private const string UpdateOpinionSql = """
        UPDATE opinions SET agenda_item_id = @AgendaItemId, kind = @kind, text = @Text, speaker = @Speaker,
            organisation = @Organisation, search_text = @search
        WHERE tenant_id = @tenantId AND opinion_id = @Id
        """;

    private const string UpdateCommentSql = """
        UPDATE comments SET kind = @kind, speaker = @Speaker, role = @Role, position = @Position, text = @Text,
            search_text = @search
        WHERE tenant_id = @tenantId AND comment_id = @Id
        """;

    private const string DeleteAgendaSql = """
        DELETE FROM agenda_items WHERE tenant_id = @tenantId AND agenda_item_id = @id
        """;

    private const string DeleteOpinionSql = """
        DELETE FROM opinions WHERE tenant_id = @tenantId AND opinion_id = @id
        """;

    private const string DeleteCommentSql = """
        DELETE FROM comments WHERE tenant_id = @tenantId AND comment_id = @id
        """;

    private const string UpdateActionSql = """
        UPDATE action_items SET title = @Title, owner_organisation_id = @OwnerOrganisationId, due_date = @due
        WHERE tenant_id = @tenantId AND action_id = @Id
        """;

    private const string DeleteActionSql = """
        DELETE FROM action_items WHERE tenant_id = @tenantId AND action_id = @id
        """;

    private const string InsertSql = """
        INSERT INTO record_corrections (tenant_id, correction_id, meeting_id, item_kind, item_id, change_kind,
            before_json, after_json, sensitivity, corrected_by, corrected_at)
        VALUES (@tenantId, @Id, @MeetingId, @ItemKind, @ItemId, @change, @before, @after, @level, @CorrectedBy,
            @CorrectedAt)
        """;

    private const string ListSql = """
        SELECT correction_id AS Id, meeting_id AS MeetingId, item_kind AS ItemKind, item_id AS ItemId,
            change_kind AS Change, before_json AS Before, after_json AS After, sensitivity AS Sensitivity,
            corrected_by AS CorrectedBy, corrected_at AS CorrectedAt
        FROM record_corrections
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND (@itemId IS NULL OR item_id = @itemId)
        ORDER BY corrected_at, correction_id
        """;

    private const string ActionsFromOpinionSql = """
        SELECT COUNT(*) FROM action_items WHERE tenant_id = @tenantId AND opinion_id = @opinionId
        """;

    /// <summary>What is kept of one correction until it is written.</summary>
    public sealed record Pending(
        string Id,
        string MeetingId,
        string ItemKind,
        string ItemId,
        ChangeKind Change,
        string? Before,
        string? After,
        Sensitivity Sensitivity,
        string CorrectedBy,
        string CorrectedAt
    );

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string MeetingId { get; init; } = "";
        public string ItemKind { get; init; } = "";
        public string ItemId { get; init; } = "";
        public string Change { get; init; } = "";
        public string? Before { get; init; }
        public string? After { get; init; }
        public int Sensitivity { get; init; }
        public string CorrectedBy { get; init; } = "";
        public string CorrectedAt { get; init; } = "";

        public Correction ToCorrection() =>
            new(
                Id,
                MeetingId,
                ItemKind,
                ItemId,
                Enum.Parse<ChangeKind>(Change),
                Parse(Before),
                Parse(After),
                (Sensitivity)Sensitivity,
                CorrectedBy,
                CorrectedAt
            );

        private static JsonElement? Parse(string? json) =>
            string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>
    /// Writes the meeting grain's correction: the entries as they are now (a renamed or moved theme with the themes it
    /// pushed along, an edited opinion or comment), or the one removed.
    /// </summary>
    public Task WriteAsync(
        string tenantId,
        IReadOnlyList<RecordEntry> updated,
        RecordEntry? removed,
        Pending correction,
        AuditStamp? audit,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var entry in updated)
                    await UpdateAsync(connection, transaction, tenantId, entry);
                if (removed is not null)
                    await connection.ExecuteAsync(
                        removed.AgendaItem is not null ? DeleteAgendaSql
                            : removed.Opinion is not null ? DeleteOpinionSql
                            : DeleteCommentSql,
                        new { tenantId, id = CorrectedItems.IdOf(removed) },
                        transaction
                    );
                await InsertAsync(connection, transaction, tenantId, correction);
                if (audit is not null)
                    await AuditLog.InsertAsync(connection, transaction, [audit]);
                return 0;
            },
            cancellationToken
        );

    /// <summary>Writes an action item as corrected, or deletes it (<paramref name="after"/> null).</summary>
    public Task WriteActionAsync(
        string tenantId,
        ActionItem before,
        ActionItem? after,
        Pending correction,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (after is null)
                    await connection.ExecuteAsync(DeleteActionSql, new { tenantId, id = before.Id }, transaction);
                else
                    await connection.ExecuteAsync(
                        UpdateActionSql,
                        new
                        {
                            tenantId,
                            after.Id,
                            after.Title,
                            after.OwnerOrganisationId,
                            due = after.DueDate is { } d ? Clock.Iso(d) : null,
                        },
                        transaction
                    );
                await InsertAsync(connection, transaction, tenantId, correction);
                return 0;
            },
            cancellationToken
        );

    /// <summary>The meeting's corrections, oldest first; those of one item only when <paramref name="itemId"/> is
    /// given.</summary>
    public async Task<IReadOnlyList<Correction>> ListAsync(
        string tenantId,
        string meetingId,
        string? itemId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            ListSql,
            new
            {
                tenantId,
                meetingId,
                itemId,
            }
        );
        return rows.Select(r => r.ToCorrection()).ToList();
    }

    /// <summary>How many action items came from the opinion: an opinion they came from is not deleted.</summary>
    public async Task<int> ActionsFromAsync(
        string tenantId,
        string opinionId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(ActionsFromOpinionSql, new { tenantId, opinionId });
    }

    private static Task<int> UpdateAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        RecordEntry entry
    ) =>
        entry switch
        {
            { AgendaItem: { } a } => connection.ExecuteAsync(
                UpdateAgendaSql,
                new
                {
                    tenantId,
                    a.Id,
                    a.Title,
                    a.Position,
                },
                transaction
            ),
            { Opinion: { } o } => connection.ExecuteAsync(
                UpdateOpinionSql,
                new
                {
                    tenantId,
                    o.Id,
                    o.AgendaItemId,
                    kind = o.Kind.ToString(),
                    o.Text,
                    o.Speaker,
                    o.Organisation,
                    search = SearchText.Fold($"{o.Text} {o.Speaker} {o.Organisation}"),
                },
                transaction
            ),
            { Comment: { } c } => connection.ExecuteAsync(
                UpdateCommentSql,
                new
                {
                    tenantId,
                    c.Id,
                    kind = c.Kind.ToString(),
                    c.Speaker,
                    c.Role,
                    c.Position,
                    c.Text,
                    search = SearchText.Fold($"{c.Text} {c.Speaker}"),
                },
                transaction
            ),
            _ => Task.FromResult(0),
        };

    private static Task<int> InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        Pending c
    ) =>
        connection.ExecuteAsync(
            InsertSql,
            new
            {
                tenantId,
                c.Id,
                c.MeetingId,
                c.ItemKind,
                c.ItemId,
                change = c.Change.ToString(),
                before = c.Before,
                after = c.After,
                level = (int)c.Sensitivity,
                c.CorrectedBy,
                c.CorrectedAt,
            },
            transaction
        );
}
