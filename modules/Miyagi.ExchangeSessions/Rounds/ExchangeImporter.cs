using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.People;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.People;

namespace Miyagi.ExchangeSessions.Rounds;

public sealed record ImportResult(string RoundId, IReadOnlyList<string> MeetingIds, IReadOnlyList<ImportWarning> Warnings, bool Replaced);

/// <summary>
/// Turns a 概要 text into a round: its sessions become held meetings of the round's body, with themes, opinions,
/// comments and the overall review in their records, all written in one transaction, so that a document is imported
/// whole or not at all. The same document twice is refused unless the caller asks to replace the earlier import.
/// </summary>
public sealed partial class ExchangeImporter(Database database, BodyStore bodies, MeetingStore meetings, PersonStore people,
    TenantStore tenants, MeetingContext meetingContext)
{
    public const string BodyKind = "exchange-session";

    public async Task<ParseResult> PreviewAsync(string tenantId, string text, CancellationToken cancellationToken = default) =>
        ExchangeSummaryParser.Parse(text, await PositionsAsync(tenantId, cancellationToken), cancellationToken);

    public async Task<ImportResult> ImportAsync(TenantInfo tenant, string text, bool replace, CancellationToken cancellationToken = default)
    {
        var (document, warnings) = await PreviewAsync(tenant.Id, text, cancellationToken);
        if (document.Sessions.FirstOrDefault(s => s.Date == default) is { } undated)
            throw new PlatformException(400, "import.no_date", "開催日が読めない会があります。",
                $"{undated.Region}の開催日時が読めないため取り込めません。プレビューの警告を見て、開催日時の行を直してください。");
        var (hash, legacyHash) = (SourceHash(SummaryText.Normalize(text)), SourceHash(text.Replace("\r\n", "\n").Trim()));
        string? earlier;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            earlier = await connection.QueryFirstOrDefaultAsync<string>(
                "SELECT round_id FROM exchange_rounds WHERE tenant_id = @tenantId AND source_hash IN (@hash, @legacyHash)", new { tenantId = tenant.Id, hash, legacyHash });
            // Found by its earlier hash: from now on by its normal form, so that the same text with a BOM is found too.
            if (earlier is not null && hash != legacyHash)
                await connection.ExecuteAsync("UPDATE exchange_rounds SET source_hash = @hash WHERE tenant_id = @tenantId AND round_id = @earlier AND source_hash = @legacyHash",
                    new { tenantId = tenant.Id, earlier, hash, legacyHash });
        }
        if (earlier is not null && !replace)
            throw new PlatformException(409, "import.duplicate", "この概要は取り込み済みです。",
                "同じ内容の概要がすでに取り込まれています。置き換える場合は replace=true を付けて（画面では「置き換える」を選んで）もう一度取り込んでください。")
                { Extensions = { ["roundId"] = earlier } };

        var body = await RoundBodyAsync(tenant.Id, document.Title, cancellationToken);
        var tenantsByName = (await tenants.ListAsync(cancellationToken)).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var roundId = Ids.New();
        var prepared = new List<(Meeting Meeting, IReadOnlyList<RecordEntry> Entries, SessionDetails Details, string Region)>();
        for (var i = 0; i < document.Sessions.Count; i++)
        {
            var s = document.Sessions[i];
            var title = $"{Shorten(document.Title, 150)}（{s.Region}）";
            var input = new MeetingInput(body.Id, "exchange-session", title, Clock.Iso(s.Date), s.Slots.Select(x => new SlotInput(x.Start, x.End)).ToList(), s.Venue,
                Attendance: new AttendanceInput([.. s.Counts], StatedTotal: s.StatedTotal));
            var meeting = await meetings.PrepareAsync(tenant.Id, input, MeetingKinds.BuiltIn, Ids.New(), cancellationToken);
            meeting = meeting with { Status = MeetingStatus.Held, HeldAt = Clock.Now() };
            var (entries, blocks) = Entries(s);
            // A municipality may be listed twice (two of its offices): linked once.
            var linked = s.Counts.Select(c => c.Name).Distinct().Where(n => tenantsByName.ContainsKey(n) && tenantsByName[n] != tenant.Id).ToDictionary(n => n, n => tenantsByName[n]);
            var details = new SessionDetails(s.RegionLabel, s.Venue, s.StatedWeekday, s.Advisors, s.LiaisonMembers, blocks,
                warnings.Where(w => w.Session == i + 1).ToList(), linked);
            prepared.Add((meeting, entries, details, s.Region));
        }

        await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (earlier is not null) await DeleteRoundAsync(connection, transaction, tenant.Id, earlier);
            await connection.ExecuteAsync(
                "INSERT INTO exchange_rounds (tenant_id, round_id, title, fiscal_year, body_id, themes, source_hash, created_at) VALUES (@tenantId, @roundId, @title, @fiscalYear, @bodyId, @themes, @hash, @now)",
                new
                {
                    tenantId = tenant.Id, roundId, title = Shorten(document.Title, 300), fiscalYear = FiscalYear.Of(document.Sessions[0].Date).Year, bodyId = body.Id,
                    themes = JsonSerializer.Serialize(document.Themes, RoundStore.Json), hash, now = Clock.Now(),
                }, transaction);
            for (var i = 0; i < prepared.Count; i++)
            {
                var (meeting, entries, details, region) = prepared[i];
                await MeetingStore.InsertAsync(connection, transaction, tenant.Id, meeting);
                if (entries.Count > 0) await RecordStore.WriteAsync(connection, transaction, tenant.Id, meeting.Id, entries);
                await connection.ExecuteAsync(
                    "INSERT INTO exchange_sessions (tenant_id, meeting_id, round_id, position, region, details) VALUES (@tenantId, @meetingId, @roundId, @position, @region, @details)",
                    new { tenantId = tenant.Id, meetingId = meeting.Id, roundId, position = i + 1, region, details = JsonSerializer.Serialize(details, RoundStore.Json) }, transaction);
            }
            return 0;
        }, cancellationToken);
        await meetingContext.MeetingChangedAsync(tenant.Id, body.Id, cancellationToken);
        return new ImportResult(roundId, prepared.Select(p => p.Meeting.Id).ToList(), warnings, earlier is not null);
    }

    /// <summary>
    /// What tells a document already imported: the hash of its normal form (<see cref="SummaryText"/>), so that a BOM, a
    /// zero-width space, CRLF or trailing spaces do not make it new. Rows imported before the normal form were hashed
    /// on the text with CRLF as LF and trimmed, which is the same for a document without trailing spaces or invisible
    /// characters; for the others the importer also looks for that earlier hash of the text given (the same text sent
    /// again) and then stores the normal one on the row.
    /// </summary>
    private static string SourceHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // A 概要 is the summary the prefecture publishes: what it says is public. Staff lower an item afterwards if need be.
    private const Sensitivity PublishedSummary = Sensitivity.Public;

    /// <summary>Themes become agenda items, opinions their opinions ("⇒" a response to the opinion above), comments and reviews comments.</summary>
    private static (IReadOnlyList<RecordEntry>, IReadOnlyList<StoredCommentBlock>) Entries(SessionDocument s)
    {
        var now = Clock.Now();
        var entries = new List<RecordEntry>();
        var seq = 0;
        foreach (var theme in s.Themes)
        {
            var item = new AgendaItem(Ids.New(), entries.Count(e => e.AgendaItem is not null) + 1, theme.Title, ++seq);
            entries.Add(new RecordEntry(seq, item, null, null));
            string? last = null;
            foreach (var text in theme.Opinions)
            {
                // As long as an opinion recorded at the meeting may be: a longer one is a missing line break, not an opinion.
                SummaryLimits.CheckLength(text, MeetingGrain.MaxTextLength, $"{s.Region}：", "意見");
                var response = text.StartsWith('⇒');
                var opinion = new Opinion(Ids.New(), item.Id, ++seq, response ? OpinionKind.Response : OpinionKind.Opinion, response ? text[1..].Trim() : text,
                    null, null, response ? last : null, null, now, PublishedSummary);
                if (!response) last = opinion.Id;
                entries.Add(new RecordEntry(seq, null, opinion, null));
            }
        }
        var blocks = new List<StoredCommentBlock>();
        foreach (var (block, review) in s.Comments.Select(c => (c, false)).Concat(s.Reviews.Select(r => (r, true))))
        {
            var seqs = new List<int>();
            foreach (var text in block.Texts)
            {
                SummaryLimits.CheckLength(text, MeetingGrain.MaxTextLength, $"{s.Region}：", "コメント");
                seqs.Add(++seq);
                var speaker = block.Speaker?.Name ?? block.Header;
                entries.Add(new RecordEntry(seq, null, null, new Comment(Ids.New(), seq, review ? CommentKind.Review : CommentKind.Comment,
                    Shorten(speaker, 100), Role(block.Speaker), block.Position, text, now, PublishedSummary)));
            }
            blocks.Add(new StoredCommentBlock(block.Header, block.Group, block.Speaker, block.Position, review, seqs));
        }
        return (entries, blocks);
    }

    private static string? Role(Participant? p) => p?.Kind switch
    {
        ParticipantKind.Advisor => "アドバイザー（運営委員）",
        ParticipantKind.LiaisonMember => "連絡会議会員",
        ParticipantKind.Other => string.IsNullOrEmpty(p.Organisation) ? null : Shorten(p.Organisation, 40),
        _ => null,
    };

    private static async Task DeleteRoundAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string tenantId, string roundId)
    {
        var meetingIds = await connection.QueryAsync<string>("SELECT meeting_id FROM exchange_sessions WHERE tenant_id = @tenantId AND round_id = @roundId", new { tenantId, roundId }, transaction);
        await connection.ExecuteAsync("DELETE FROM exchange_sessions WHERE tenant_id = @tenantId AND round_id = @roundId", new { tenantId, roundId }, transaction);
        foreach (var meetingId in meetingIds) await MeetingStore.DeleteAsync(connection, transaction, tenantId, meetingId);
        await connection.ExecuteAsync("DELETE FROM exchange_rounds WHERE tenant_id = @tenantId AND round_id = @roundId", new { tenantId, roundId }, transaction);
    }

    /// <summary>The standing body whose sessions a round holds: the title without its round (令和元年度第２回).</summary>
    private async Task<Body> RoundBodyAsync(string tenantId, string title, CancellationToken cancellationToken)
    {
        var name = Shorten(RoundPrefix().Replace(title, "").Trim() is { Length: > 0 } rest ? rest : "情報交換会", 200);
        return (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken)).FirstOrDefault(b => b.Kind == BodyKind && b.Name == name)
               ?? await bodies.CreateAsync(tenantId, new BodyInput(name, BodyKind, 1, Territory.Tenant, Status: BodyStatus.Active), cancellationToken: cancellationToken);
    }

    /// <summary>Positions (委員長, 副委員長) that the tenant's people record for its advisors, by folded name.</summary>
    private async Task<IReadOnlyDictionary<string, string>> PositionsAsync(string tenantId, CancellationToken cancellationToken) =>
        (await people.ListAsync(tenantId, cancellationToken: cancellationToken))
        .SelectMany(p => p.Roles.Where(r => r.Role == PersonRoleKind.Advisor && r.Position is not null && r.Until is null).Select(r => (p.Name, r.Position!.Value)))
        .GroupBy(x => NameMatching.Fold(x.Name)).ToDictionary(g => g.Key, g => g.First().Value.Japanese());

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"^(令和|平成)\S*?年度\s*第\S+?回\s*")]
    private static partial Regex RoundPrefix();
}
