using System.Text.Json;
using Dapper;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Errors;
using Microsoft.AspNetCore.Http;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>Rounds read back from the core's meetings and records and this module's tables, as the document they came from.</summary>
public sealed class RoundStore(Database database, MeetingStore meetings, Disclosure disclosure)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

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

    public async Task<IReadOnlyList<(string Id, string Title, int FiscalYear)>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RoundRow>(
            "SELECT round_id AS Id, title AS Title, fiscal_year AS FiscalYear, themes AS Themes FROM exchange_rounds WHERE tenant_id = @tenantId ORDER BY created_at DESC",
            new { tenantId });
        return rows.Select(r => (r.Id, r.Title, r.FiscalYear)).ToList();
    }

    /// <summary>A round as the request's reader may see it: its records come through the core's <see cref="Disclosure"/>.</summary>
    public async Task<RoundView> GetAsync(HttpContext http, string roundId)
    {
        var tenantId = http.Tenant().Id;
        var cancellationToken = http.RequestAborted;
        RoundRow? round;
        List<SessionRow> sessions;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            round = await connection.QuerySingleOrDefaultAsync<RoundRow>(
                "SELECT round_id AS Id, title AS Title, fiscal_year AS FiscalYear, themes AS Themes FROM exchange_rounds WHERE tenant_id = @tenantId AND round_id = @roundId",
                new { tenantId, roundId });
            if (round is null) throw PlatformException.NotFound("exchange_round.not_found", "情報交換会の回");
            sessions = (await connection.QueryAsync<SessionRow>(
                "SELECT meeting_id AS MeetingId, position AS Position, region AS Region, details AS Details FROM exchange_sessions WHERE tenant_id = @tenantId AND round_id = @roundId ORDER BY position",
                new { tenantId, roundId })).ToList();
        }
        var views = new List<SessionView>();
        foreach (var row in sessions)
        {
            var meeting = await meetings.GetAsync(tenantId, row.MeetingId, cancellationToken);
            var record = await disclosure.RecordAsync(http, meeting);
            var details = JsonSerializer.Deserialize<SessionDetails>(row.Details, Json)!;
            views.Add(new SessionView(meeting.Id, row.Position, row.Region, Document(row.Region, meeting, record, details), details.Warnings, details.TenantsByMunicipality));
        }
        return new RoundView(round.Id, round.Title, round.FiscalYear, JsonSerializer.Deserialize<List<string>>(round.Themes, Json)!, views);
    }

    public static SummaryDocument Document(RoundView round) => new(round.Title, round.Sessions.Select(s => s.Document).ToList());

    private static SessionDocument Document(string region, Meeting meeting, MeetingRecord record, SessionDetails details)
    {
        var themes = record.Agenda.Select(item => new ThemeBlock(item.Title, record.Opinions.Where(o => o.AgendaItemId == item.Id)
            .Select(o => o.Kind == OpinionKind.Response ? "⇒" + o.Text : o.Text).ToList())).ToList();
        var comments = record.Comments.ToDictionary(c => c.Seq);
        // The header names who said the block's comments: over a withheld one it is hidden, as the core hides a withheld comment's speaker.
        CommentBlock Block(StoredCommentBlock b) => b.Seqs.Any(seq => comments[seq].Withheld is not null)
            ? new("", b.Seqs.Select(seq => comments[seq].Text).ToList(), null, null, b.Group)
            : new(b.Header, b.Seqs.Select(seq => comments[seq].Text).ToList(), b.Speaker, b.Position, b.Group);
        return new SessionDocument(details.RegionLabel, region, details.Venue, meeting.Date, details.StatedWeekday, meeting.Slots, meeting.Attendance.Counts,
            meeting.Attendance.StatedTotal, details.Advisors, details.LiaisonMembers, themes,
            details.Comments.Where(c => !c.Review).Select(Block).ToList(), details.Comments.Where(c => c.Review).Select(Block).ToList());
    }
}
