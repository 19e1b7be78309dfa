using System.Data.Common;
using System.Text.Json;
using Dapper;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Core.Bodies;
using Platform.Core.Storage;

namespace Platform.Core.Meetings;

/// <summary>A confirmed 概要 reopened for a correction: why, by whom, when.</summary>
public sealed record Reopening(string? Reason, string ChangedBy, string ChangedAt)
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The day in Japan it was reopened, as the 概要 dates it.</summary>
    public DateOnly Day =>
        DateOnly.FromDateTime(
            TimeZoneInfo
                .ConvertTime(DateTimeOffset.Parse(ChangedAt, System.Globalization.CultureInfo.InvariantCulture), Japan)
                .DateTime
        );
}

/// <summary>
/// Meetings of a tenant's bodies. A meeting's slots, convening changes and attendance are one JSON document, written
/// with it. It only persists: <see cref="MeetingRules"/> checks what is written.
/// </summary>
public sealed class MeetingStore(Database database)
{
    private const string Columns = """
        m.meeting_id AS Id, m.body_id AS BodyId, m.kind AS Kind, m.title AS Title, m.meeting_date AS Date,
        m.status AS Status, m.venue AS Venue, m.room AS Room, m.is_public AS IsPublic,
        m.minutes_public AS MinutesPublic, m.next_meeting_date AS NextMeetingDate, m.details AS Details,
        m.held_at AS HeldAt, m.minutes_approved_at AS MinutesApprovedAt, m.record_seq AS RecordSeq
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM meetings m JOIN bodies b ON b.tenant_id = m.tenant_id AND b.body_id = m.body_id
        WHERE m.tenant_id = @tenantId AND (@bodyId IS NULL OR m.body_id = @bodyId)
          AND (@districtId IS NULL OR b.district_id = @districtId)
          AND (@from IS NULL OR m.meeting_date >= @from) AND (@to IS NULL OR m.meeting_date <= @to)
          AND (@status IS NULL OR m.status = @status)
        ORDER BY m.meeting_date, m.created_at
        """;

    private const string FindSql = $"""
        SELECT {Columns} FROM meetings m WHERE m.tenant_id = @tenantId AND m.meeting_id = @meetingId
        """;

    private const string UpdateSql = """
        UPDATE meetings SET body_id = @BodyId, kind = @Kind, title = @Title, meeting_date = @date, venue = @Venue,
            room = @Room, is_public = @isPublic, minutes_public = @minutesPublic, next_meeting_date = @next,
            details = @details, search_text = @search, updated_at = @now
        WHERE tenant_id = @tenantId AND meeting_id = @Id
        """;

    private const string SetStatusSql = """
        UPDATE meetings SET status = @status, held_at = @heldAt, minutes_approved_at = @approvedAt, updated_at = @now
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string InsertStatusChangeSql = """
        INSERT INTO meeting_status_changes (tenant_id, change_id, meeting_id, from_status, to_status, reason,
            changed_by, changed_at)
        VALUES (@tenantId, @id, @meetingId, @from, @to, @reason, @by, @now)
        """;

    private const string ReopeningsSql = """
        SELECT reason AS Reason, changed_by AS ChangedBy, changed_at AS ChangedAt FROM meeting_status_changes
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND from_status = 'MinutesApproved'
        ORDER BY changed_at
        """;

    private const string InsertSql = """
        INSERT INTO meetings (tenant_id, meeting_id, body_id, kind, title, meeting_date, status, venue, room, is_public,
            minutes_public, next_meeting_date, details, search_text, record_seq, created_at, updated_at)
        VALUES (@tenantId, @Id, @BodyId, @Kind, @Title, @date, @status, @Venue, @Room, @isPublic,
            @minutesPublic, @next, @details, @search, 0, @now, @now)
        """;

    private const string ImportedStatusSql = """
        UPDATE meetings SET status = @status, held_at = @HeldAt, minutes_approved_at = @MinutesApprovedAt
        WHERE tenant_id = @tenantId AND meeting_id = @Id
        """;

    public const int MaxTextLength = 200;

    private sealed record Details(
        List<TimeSlot> Slots,
        List<ConveningChange> Convening,
        Attendance Attendance,
        Dictionary<string, string>? Extra = null,
        DatePrecision? DatePrecision = null
    );

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string BodyId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string Date { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Venue { get; init; }
        public string? Room { get; init; }
        public int IsPublic { get; init; }
        public int MinutesPublic { get; init; }
        public string? NextMeetingDate { get; init; }
        public string Details { get; init; } = "";
        public string? HeldAt { get; init; }
        public string? MinutesApprovedAt { get; init; }
        public int RecordSeq { get; init; }

        public Meeting ToMeeting()
        {
            var d = JsonSerializer.Deserialize<Details>(Details, BodyStore.Json)!;
            return new Meeting(
                Id,
                BodyId,
                Kind,
                Title,
                Clock.ParseIso(Date)!.Value,
                d.Slots,
                Venue,
                Room,
                Enum.Parse<MeetingStatus>(Status),
                d.Convening,
                d.Attendance,
                IsPublic != 0,
                MinutesPublic != 0,
                Clock.ParseIso(NextMeetingDate),
                HeldAt,
                MinutesApprovedAt,
                RecordSeq,
                d.Extra
            )
            {
                DatePrecision = d.DatePrecision ?? Abstractions.Calendar.DatePrecision.Day,
            };
        }
    }

    public sealed record Filter(
        string? BodyId = null,
        string? DistrictId = null,
        DateOnly? From = null,
        DateOnly? To = null,
        MeetingStatus? Status = null
    );

    public async Task<IReadOnlyList<Meeting>> ListAsync(
        string tenantId,
        Filter filter,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            ListSql,
            new
            {
                tenantId,
                bodyId = filter.BodyId,
                districtId = filter.DistrictId,
                status = filter.Status?.ToString(),
                from = filter.From is { } f ? Clock.Iso(f) : null,
                to = filter.To is { } t ? Clock.Iso(t) : null,
            }
        );
        return rows.Select(r => r.ToMeeting()).ToList();
    }

    public async Task<Meeting?> FindAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(FindSql, new { tenantId, meetingId });
        return row?.ToMeeting();
    }

    public async Task<Meeting> GetAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    ) =>
        await FindAsync(tenantId, meetingId, cancellationToken)
        ?? throw PlatformException.NotFound("meeting.not_found", "会議");

    /// <summary>Writes a new, planned meeting checked by <see cref="MeetingRules"/>.</summary>
    public Task CreateAsync(string tenantId, Meeting meeting, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            (connection, transaction) => InsertPlannedAsync(connection, transaction, tenantId, meeting),
            cancellationToken
        );

    /// <summary>Writes a year's planned meetings in one transaction: all of them or none.</summary>
    public Task PlanAsync(
        string tenantId,
        IReadOnlyList<Meeting> meetings,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var meeting in meetings)
                    await InsertPlannedAsync(connection, transaction, tenantId, meeting);
                return 0;
            },
            cancellationToken
        );

    public async Task UpdateAsync(string tenantId, Meeting meeting, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(UpdateSql, Parameters(tenantId, meeting));
    }

    /// <summary>
    /// Writes a status change that <see cref="MeetingRules.CheckStatus"/> allowed, and keeps it with who made it and
    /// why (a confirmed 概要 reopened for a correction says why).
    /// </summary>
    public async Task<Meeting> SetStatusAsync(
        string tenantId,
        Meeting meeting,
        MeetingStatus status,
        CancellationToken cancellationToken = default,
        string by = "system",
        string? reason = null
    )
    {
        if (meeting.Status == status)
            return meeting;
        var now = Clock.Now();
        var heldAt = status switch
        {
            MeetingStatus.Held => meeting.HeldAt ?? now,
            MeetingStatus.Planned => null,
            _ => meeting.HeldAt,
        };
        var approvedAt =
            status == MeetingStatus.MinutesApproved ? now
            : status is MeetingStatus.Held or MeetingStatus.Planned ? null
            : meeting.MinutesApprovedAt;
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    SetStatusSql,
                    new
                    {
                        tenantId,
                        meetingId = meeting.Id,
                        status = status.ToString(),
                        heldAt,
                        approvedAt,
                        now,
                    },
                    transaction
                );
                return await connection.ExecuteAsync(
                    InsertStatusChangeSql,
                    new
                    {
                        tenantId,
                        id = Ids.New(),
                        meetingId = meeting.Id,
                        from = meeting.Status.ToString(),
                        to = status.ToString(),
                        reason,
                        by,
                        now,
                    },
                    transaction
                );
            },
            cancellationToken
        );
        return meeting with { Status = status, HeldAt = heldAt, MinutesApprovedAt = approvedAt };
    }

    /// <summary>The times the meeting's confirmed 概要 was reopened for a correction (訂正), oldest first.</summary>
    public async Task<IReadOnlyList<Reopening>> ReopeningsAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Reopening>(ReopeningsSql, new { tenantId, meetingId })).ToList();
    }

    /// <summary>Removes a meeting and everything recorded at it, inside the caller's transaction (an import replacing
    /// its earlier self).</summary>
    public static async Task DeleteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        string meetingId
    )
    {
        foreach (var table in new[] { "opinions", "comments", "action_items", "handouts", "agenda_items", "meetings" })
            await connection.ExecuteAsync(
                $"DELETE FROM {table} WHERE tenant_id = @tenantId AND meeting_id = @meetingId",
                new { tenantId, meetingId },
                transaction
            );
    }

    /// <summary>
    /// Writes a meeting checked by <see cref="MeetingRules.PrepareAsync"/> with its status, inside the caller's
    /// transaction.
    /// </summary>
    public static async Task InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        Meeting meeting
    )
    {
        await InsertPlannedAsync(connection, transaction, tenantId, meeting);
        await connection.ExecuteAsync(
            ImportedStatusSql,
            new
            {
                tenantId,
                meeting.Id,
                status = meeting.Status.ToString(),
                meeting.HeldAt,
                meeting.MinutesApprovedAt,
            },
            transaction
        );
    }

    private static Task<int> InsertPlannedAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        Meeting meeting
    ) => connection.ExecuteAsync(InsertSql, Parameters(tenantId, meeting), transaction);

    private static object Parameters(string tenantId, Meeting m) =>
        new
        {
            tenantId,
            m.Id,
            m.BodyId,
            m.Kind,
            m.Title,
            date = Clock.Iso(m.Date),
            status = m.Status.ToString(),
            m.Venue,
            m.Room,
            isPublic = m.IsPublic ? 1 : 0,
            minutesPublic = m.MinutesPublic ? 1 : 0,
            next = m.NextMeetingDate is { } n ? Clock.Iso(n) : null,
            details = JsonSerializer.Serialize(
                new Details(
                    [.. m.Slots],
                    [.. m.Convening],
                    m.Attendance,
                    m.Extra is null ? null : new Dictionary<string, string>(m.Extra),
                    // Written only when not a day, so that most rows' JSON stays as it was.
                    m.DatePrecision == Abstractions.Calendar.DatePrecision.Day
                        ? null
                        : m.DatePrecision
                ),
                BodyStore.Json
            ),
            search = SearchText.Fold($"{m.Title} {m.Venue} {m.Room}"),
            now = Clock.Now(),
        };
}
