using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Storage;

namespace Platform.Core.Records;

/// <summary>Everything said at a meeting, as one read model.</summary>
public sealed record MeetingRecord(
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<Opinion> Opinions,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<ActionItem> Carried
);

/// <summary>
/// The record of meetings: agenda items, opinions and comments (written only by the meeting's grain, in batches)
/// and action items.
/// </summary>
public sealed class RecordStore(Database database)
{
    private const string OpinionColumns = """
        opinion_id AS Id, agenda_item_id AS AgendaItemId, seq AS Seq, kind AS Kind, text AS Text, speaker AS Speaker,
        organisation AS Organisation, responds_to AS RespondsTo, recorded_by AS RecordedBy, recorded_at AS RecordedAt,
        sensitivity AS Sensitivity
        """;

    private const string CommentColumns = """
        comment_id AS Id, seq AS Seq, kind AS Kind, speaker AS Speaker, role AS Role, position AS Position,
        text AS Text, recorded_at AS RecordedAt, sensitivity AS Sensitivity
        """;

    private const string ActionColumns = """
        action_id AS Id, body_id AS BodyId, meeting_id AS MeetingId, opinion_id AS OpinionId, title AS Title,
        owner_organisation_id AS OwnerOrganisationId, due_date AS DueDate, status AS Status, created_on AS CreatedOn,
        closed_on AS ClosedOn, sensitivity AS Sensitivity, comment_id AS CommentId
        """;

    // The body's action items up to the meeting's day: the meeting's own and those carried onto it.
    private const string BodyActionsSql = """
        SELECT a.action_id AS Id, a.body_id AS BodyId, a.meeting_id AS MeetingId, a.opinion_id AS OpinionId,
            a.title AS Title, a.owner_organisation_id AS OwnerOrganisationId, a.due_date AS DueDate, a.status AS Status,
            a.created_on AS CreatedOn, a.closed_on AS ClosedOn, a.sensitivity AS Sensitivity,
            a.comment_id AS CommentId, m.meeting_date AS MeetingDate
        FROM action_items a JOIN meetings m ON m.tenant_id = a.tenant_id AND m.meeting_id = a.meeting_id
        WHERE a.tenant_id = @tenantId AND a.body_id = @bodyId AND (a.meeting_id = @meetingId OR m.meeting_date < @date)
        ORDER BY m.meeting_date, a.created_on
        """;

    private const string AgendaSql = """
        SELECT agenda_item_id AS Id, position AS Position, title AS Title, seq AS Seq
        FROM agenda_items WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string OpinionsSql = $"""
        SELECT {OpinionColumns} FROM opinions WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string CommentsSql = $"""
        SELECT {CommentColumns} FROM comments WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string EntryKeysSql = """
        SELECT entry_key AS Key, seq AS Seq FROM entry_keys WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string RecordSeqSql = """
        UPDATE meetings SET record_seq = @seq WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string InsertActionSql = """
        INSERT INTO action_items (tenant_id, action_id, body_id, meeting_id, opinion_id, title, owner_organisation_id,
            due_date, status, created_on, closed_on, sensitivity, comment_id)
        VALUES (@tenantId, @Id, @BodyId, @MeetingId, @OpinionId, @Title, @OwnerOrganisationId, @due, @status, @created,
            NULL, @level, @CommentId)
        """;

    private const string ListActionsSql = $"""
        SELECT {ActionColumns} FROM action_items
        WHERE tenant_id = @tenantId AND (@bodyId IS NULL OR body_id = @bodyId) AND (@status IS NULL OR status = @status)
        ORDER BY created_on
        """;

    private const string GetActionSql = $"""
        SELECT {ActionColumns} FROM action_items WHERE tenant_id = @tenantId AND action_id = @actionId
        """;

    private const string ActionStatusSql = """
        UPDATE action_items SET status = @status, closed_on = @closedOn
        WHERE tenant_id = @tenantId AND action_id = @actionId
        """;

    private sealed class AgendaRow
    {
        public string Id { get; init; } = "";
        public int Position { get; init; }
        public string Title { get; init; } = "";
        public int Seq { get; init; }
    }

    private sealed class OpinionRow
    {
        public string Id { get; init; } = "";
        public string AgendaItemId { get; init; } = "";
        public int Seq { get; init; }
        public string Kind { get; init; } = "";
        public string Text { get; init; } = "";
        public string? Speaker { get; init; }
        public string? Organisation { get; init; }
        public string? RespondsTo { get; init; }
        public string? RecordedBy { get; init; }
        public string RecordedAt { get; init; } = "";
        public int Sensitivity { get; init; }

        public Opinion ToOpinion() =>
            new(
                Id,
                AgendaItemId,
                Seq,
                Enum.Parse<OpinionKind>(Kind),
                Text,
                Speaker,
                Organisation,
                RespondsTo,
                RecordedBy,
                RecordedAt,
                (Sensitivity)Sensitivity
            );
    }

    private sealed class CommentRow
    {
        public string Id { get; init; } = "";
        public int Seq { get; init; }
        public string Kind { get; init; } = "";
        public string Speaker { get; init; } = "";
        public string? Role { get; init; }
        public string? Position { get; init; }
        public string Text { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public int Sensitivity { get; init; }

        public Comment ToComment() =>
            new(
                Id,
                Seq,
                Enum.Parse<CommentKind>(Kind),
                Speaker,
                Role,
                Position,
                Text,
                RecordedAt,
                (Sensitivity)Sensitivity
            );
    }

    private sealed class ActionRow
    {
        public string Id { get; init; } = "";
        public string BodyId { get; init; } = "";
        public string MeetingId { get; init; } = "";
        public string? OpinionId { get; init; }
        public string Title { get; init; } = "";
        public string? OwnerOrganisationId { get; init; }
        public string? DueDate { get; init; }
        public string Status { get; init; } = "";
        public string CreatedOn { get; init; } = "";
        public string? ClosedOn { get; init; }
        public int Sensitivity { get; init; }
        public string? CommentId { get; init; }

        public ActionItem ToAction() =>
            new(
                Id,
                BodyId,
                MeetingId,
                OpinionId,
                Title,
                OwnerOrganisationId,
                Clock.ParseIso(DueDate),
                Enum.Parse<ActionStatus>(Status),
                Clock.ParseIso(CreatedOn)!.Value,
                Clock.ParseIso(ClosedOn),
                (Sensitivity)Sensitivity
            )
            {
                CommentId = CommentId,
            };
    }

    /// <summary>The action items decided at the meeting, and those of earlier meetings of its body still open on its
    /// day.</summary>
    internal async Task<(IReadOnlyList<ActionItem> Actions, IReadOnlyList<ActionItem> Carried)> ActionsAsync(
        string tenantId,
        Meeting meeting,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var bodyActions = (
            await connection.QueryAsync<ActionRow>(
                BodyActionsSql,
                new
                {
                    tenantId,
                    meetingId = meeting.Id,
                    bodyId = meeting.BodyId,
                    date = Clock.Iso(meeting.Date),
                }
            )
        ).Select(r => r.ToAction()).ToList();
        // An earlier meeting's action item is carried onto this one while it was still open on this meeting's day.
        var carried = bodyActions
            .Where(a => a.MeetingId != meeting.Id && (a.ClosedOn is null || a.ClosedOn >= meeting.Date))
            .ToList();
        return (bodyActions.Where(a => a.MeetingId == meeting.Id).ToList(), carried);
    }

    /// <summary>Every entry of the meeting, in order, unfiltered: what its grain loads (people read through <see
    /// cref="Privacy.Disclosure"/>).</summary>
    internal async Task<IReadOnlyList<RecordEntry>> EntriesAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var key = new { tenantId, meetingId };
        var agenda = await connection.QueryAsync<AgendaRow>(AgendaSql, key);
        var opinions = await connection.QueryAsync<OpinionRow>(OpinionsSql, key);
        var comments = await connection.QueryAsync<CommentRow>(CommentsSql, key);
        return agenda
            .Select(a => new RecordEntry(a.Seq, new AgendaItem(a.Id, a.Position, a.Title, a.Seq), null, null))
            .Concat(opinions.Select(o => new RecordEntry(o.Seq, null, o.ToOpinion(), null)))
            .Concat(comments.Select(c => new RecordEntry(c.Seq, null, null, c.ToComment())))
            .OrderBy(e => e.Seq)
            .ToList();
    }

    /// <summary>The entry keys given with the meeting's entries (see <see cref="MeetingGrain"/>) and their sequence
    /// numbers.</summary>
    internal async Task<IReadOnlyList<(string Key, int Seq)>> EntryKeysAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, int Seq)>(
            new CommandDefinition(EntryKeysSql, new { tenantId, meetingId }, cancellationToken: cancellationToken)
        );
        return rows.ToList();
    }

    /// <summary>
    /// Writes a batch of the meeting grain, the meeting's last sequence number, the entry keys its pages sent and the
    /// audit rows of the requests that made it, in one transaction.
    /// </summary>
    public Task WriteAsync(
        string tenantId,
        string meetingId,
        IReadOnlyList<RecordEntry> entries,
        IReadOnlyCollection<Audit.AuditStamp> audit,
        IReadOnlyList<(string Key, int Seq)> keys,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var written = await WriteAsync(connection, transaction, tenantId, meetingId, entries);
                await BulkInsert.RowsAsync(
                    connection,
                    transaction,
                    "entry_keys",
                    ["tenant_id", "meeting_id", "entry_key", "seq"],
                    keys,
                    k => [tenantId, meetingId, k.Key, k.Seq]
                );
                if (audit.Count > 0)
                    await Audit.AuditLog.InsertAsync(connection, transaction, audit);
                return written;
            },
            cancellationToken
        );

    /// <summary>Writes entries inside the caller's transaction: the meeting grain's batches, or an import of a new
    /// meeting no grain is writing to.</summary>
    public static async Task<int> WriteAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        string tenantId,
        string meetingId,
        IReadOnlyList<RecordEntry> entries
    )
    {
        // Themes first: opinions of the same batch refer to them.
        await BulkInsert.RowsAsync(
            connection,
            transaction,
            "agenda_items",
            ["tenant_id", "agenda_item_id", "meeting_id", "position", "title", "seq"],
            entries.Select(e => e.AgendaItem).OfType<AgendaItem>().ToList(),
            a => [tenantId, a.Id, meetingId, a.Position, a.Title, a.Seq]
        );
        var opinions = entries.Select(e => e.Opinion).OfType<Opinion>().ToList();
        await BulkInsert.RowsAsync(
            connection,
            transaction,
            "opinions",
            [
                "tenant_id",
                "opinion_id",
                "meeting_id",
                "agenda_item_id",
                "seq",
                "kind",
                "text",
                "speaker",
                "organisation",
                "responds_to",
                "recorded_by",
                "recorded_at",
                "search_text",
                "sensitivity",
            ],
            opinions,
            o =>
                [
                    tenantId,
                    o.Id,
                    meetingId,
                    o.AgendaItemId,
                    o.Seq,
                    o.Kind.ToString(),
                    o.Text,
                    o.Speaker,
                    o.Organisation,
                    o.RespondsTo,
                    o.RecordedBy,
                    o.RecordedAt,
                    SearchText.Fold($"{o.Text} {o.Speaker} {o.Organisation}"),
                    (int)o.Sensitivity,
                ]
        );
        var comments = entries.Select(e => e.Comment).OfType<Comment>().ToList();
        await BulkInsert.RowsAsync(
            connection,
            transaction,
            "comments",
            [
                "tenant_id",
                "comment_id",
                "meeting_id",
                "seq",
                "kind",
                "speaker",
                "role",
                "position",
                "text",
                "recorded_at",
                "search_text",
                "sensitivity",
            ],
            comments,
            c =>
                [
                    tenantId,
                    c.Id,
                    meetingId,
                    c.Seq,
                    c.Kind.ToString(),
                    c.Speaker,
                    c.Role,
                    c.Position,
                    c.Text,
                    c.RecordedAt,
                    SearchText.Fold($"{c.Text} {c.Speaker}"),
                    (int)c.Sensitivity,
                ]
        );
        foreach (var o in opinions.Where(o => o.Basis is not null))
            await PrivacyStore.SaveBasisAsync(
                connection,
                transaction,
                tenantId,
                ItemKinds.Opinion,
                o.Id,
                meetingId,
                o.Basis!
            );
        foreach (var c in comments.Where(c => c.Basis is not null))
            await PrivacyStore.SaveBasisAsync(
                connection,
                transaction,
                tenantId,
                ItemKinds.Comment,
                c.Id,
                meetingId,
                c.Basis!
            );
        return await connection.ExecuteAsync(
            RecordSeqSql,
            new
            {
                tenantId,
                meetingId,
                seq = entries.Max(e => e.Seq),
            },
            transaction
        );
    }

    /// <summary>Writes an action item checked by <see cref="ActionRules"/>, with its basis if any.</summary>
    public Task CreateActionAsync(string tenantId, ActionItem action, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    InsertActionSql,
                    new
                    {
                        tenantId,
                        action.Id,
                        action.BodyId,
                        action.MeetingId,
                        action.OpinionId,
                        action.CommentId,
                        action.Title,
                        action.OwnerOrganisationId,
                        due = action.DueDate is { } x ? Clock.Iso(x) : null,
                        status = action.Status.ToString(),
                        created = Clock.Iso(action.CreatedOn),
                        level = (int)action.Sensitivity,
                    },
                    transaction
                );
                if (action.Basis is not null)
                    await PrivacyStore.SaveBasisAsync(
                        connection,
                        transaction,
                        tenantId,
                        ItemKinds.Action,
                        action.Id,
                        action.MeetingId,
                        action.Basis
                    );
                return 0;
            },
            cancellationToken
        );

    public async Task<IReadOnlyList<ActionItem>> ListActionsAsync(
        string tenantId,
        string? bodyId,
        ActionStatus? status,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ActionRow>(
            ListActionsSql,
            new
            {
                tenantId,
                bodyId,
                status = status?.ToString(),
            }
        );
        return rows.Select(r => r.ToAction()).ToList();
    }

    public async Task<ActionItem> GetActionAsync(
        string tenantId,
        string actionId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ActionRow>(GetActionSql, new { tenantId, actionId });
        return row?.ToAction() ?? throw PlatformException.NotFound("action.not_found", "対応事項");
    }

    /// <summary>Opens an action item again, or closes it (done or dropped) on <paramref name="today"/>.</summary>
    public async Task<ActionItem> SetActionStatusAsync(
        string tenantId,
        ActionItem action,
        ActionStatus status,
        DateOnly today,
        CancellationToken cancellationToken = default
    )
    {
        var closedOn = status == ActionStatus.Open ? null : Clock.Iso(today);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            ActionStatusSql,
            new
            {
                tenantId,
                actionId = action.Id,
                status = status.ToString(),
                closedOn,
            }
        );
        return action with { Status = status, ClosedOn = Clock.ParseIso(closedOn) };
    }
}
