using System.Text.Json;
using Dapper;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Records;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>
/// Rounds read back from the core's meetings and records and this module's tables, as the document they came from.
/// </summary>
public sealed class RoundStore(IModuleDatabase database, IMeetings meetings, IMeetingRecords records)
{
    private const string RoundColumns = """
        round_id AS Id, title AS Title, fiscal_year AS FiscalYear, themes AS Themes
        """;

    private const string SelectRounds = $"""
        SELECT {RoundColumns} FROM exchange_rounds
        WHERE tenant_id = @tenantId
        ORDER BY created_at DESC
        """;

    private const string SelectRound = $"""
        SELECT {RoundColumns} FROM exchange_rounds
        WHERE tenant_id = @tenantId AND round_id = @roundId
        """;

    private const string SelectSessions = """
        SELECT meeting_id AS MeetingId, position AS Position, region AS Region, details AS Details
        FROM exchange_sessions
        WHERE tenant_id = @tenantId AND round_id = @roundId
        ORDER BY position
        """;

    private const string SelectSessionDetails = """
        SELECT r.round_id AS RoundId, r.title AS Title, s.details AS Details
        FROM exchange_rounds r
        JOIN exchange_sessions s ON s.tenant_id = r.tenant_id AND s.round_id = r.round_id
        WHERE r.tenant_id = @tenantId
        ORDER BY r.created_at DESC, s.position
        """;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed class RoundRow
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public int FiscalYear { get; init; }
        public string Themes { get; init; } = "";
    }

    private sealed class SessionRow
    {
        public string MeetingId { get; init; } = "";
        public int Position { get; init; }
        public string Region { get; init; } = "";
        public string Details { get; init; } = "";
    }

    private sealed class DetailsRow
    {
        public string RoundId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Details { get; init; } = "";
    }

    /// <summary>The rounds whose import gave warnings, newest first, with how many.</summary>
    public async Task<IReadOnlyList<(string RoundId, string Title, int Warnings)>> WarningCountsAsync(
        string tenantId,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DetailsRow>(SelectSessionDetails, new { tenantId });
        return rows.GroupBy(r => (r.RoundId, r.Title))
            .Select(g =>
                (
                    g.Key.RoundId,
                    g.Key.Title,
                    g.Sum(r => JsonSerializer.Deserialize<SessionDetails>(r.Details, Json)!.Warnings.Count)
                )
            )
            .Where(r => r.Item3 > 0)
            .ToList();
    }

    public async Task<IReadOnlyList<RoundItem>> ListAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RoundRow>(SelectRounds, new { tenantId });
        return rows.Select(r => new RoundItem(r.Id, r.Title, r.FiscalYear)).ToList();
    }

    /// <summary>
    /// A round as the request's reader may see it: its records come through the SDK's <see cref="IMeetingRecords"/>.
    /// </summary>
    public async Task<RoundView> GetAsync(string tenantId, string roundId, CancellationToken cancellationToken)
    {
        RoundRow? round;
        List<SessionRow> sessions;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            round = await connection.QuerySingleOrDefaultAsync<RoundRow>(SelectRound, new { tenantId, roundId });
            if (round is null)
                throw PlatformException.NotFound("exchange_round.not_found", "情報交換会の回");
            sessions = (await connection.QueryAsync<SessionRow>(SelectSessions, new { tenantId, roundId })).ToList();
        }
        var views = new List<SessionView>();
        foreach (var row in sessions)
        {
            var meeting = await meetings.GetAsync(tenantId, row.MeetingId, cancellationToken);
            var record = await records.ReadAsync(tenantId, meeting, cancellationToken);
            var details = JsonSerializer.Deserialize<SessionDetails>(row.Details, Json)!;
            views.Add(
                new SessionView(
                    meeting.Id,
                    row.Position,
                    row.Region,
                    Document(row.Region, meeting, record, details),
                    details.Warnings,
                    details.TenantsByMunicipality
                )
                {
                    PersonIds = details.PersonIds,
                    Comments = Comments(record, details),
                }
            );
        }
        return new RoundView(
            round.Id,
            round.Title,
            round.FiscalYear,
            JsonSerializer.Deserialize<List<string>>(round.Themes, Json)!,
            views
        );
    }

    public static SummaryDocument Document(RoundView round) =>
        new(round.Title, round.Sessions.Select(s => s.Document).ToList());

    private static IReadOnlyList<SessionComment> Comments(RecordView record, SessionDetails details)
    {
        var comments = record.Comments.ToDictionary(c => c.Seq);
        return details
            .Comments.SelectMany(b =>
                b.Seqs.Select(seq => comments[seq])
                    .Where(c => !c.Withheld)
                    .Select(c => new SessionComment(c.Id, b.Header, b.Group, c.Text, b.Review))
            )
            .ToList();
    }

    private static SessionDocument Document(string region, Meeting meeting, RecordView record, SessionDetails details)
    {
        var themes = record
            .Themes.Select(item => new ThemeBlock(
                item.Title,
                record
                    .Opinions.Where(o => o.ThemeId == item.Id)
                    .Select(o => o.IsResponse ? "⇒" + o.Text : o.Text)
                    .ToList()
            ))
            .ToList();
        var comments = record.Comments.ToDictionary(c => c.Seq);
        // The header names who said the block's comments: over a withheld one it is hidden, as the core hides a
        // withheld comment's speaker.
        CommentBlock Block(StoredCommentBlock b) =>
            b.Seqs.Any(seq => comments[seq].Withheld)
                ? new("", b.Seqs.Select(seq => comments[seq].Text).ToList(), null, null, b.Group)
                : new(b.Header, b.Seqs.Select(seq => comments[seq].Text).ToList(), b.Speaker, b.Position, b.Group);
        return new SessionDocument(
            details.RegionLabel,
            region,
            details.Venue,
            meeting.Date,
            details.StatedWeekday,
            meeting.Slots,
            meeting.Attendance.Counts,
            meeting.Attendance.StatedTotal,
            details.Advisors,
            details.LiaisonMembers,
            themes,
            details.Comments.Where(c => !c.Review).Select(Block).ToList(),
            details.Comments.Where(c => c.Review).Select(Block).ToList()
        );
    }
}
