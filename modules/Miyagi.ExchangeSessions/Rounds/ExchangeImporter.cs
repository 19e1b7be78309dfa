using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.People;
using Platform.Abstractions.Records;
using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>What an import wrote: the round, its sessions' meetings, the warnings, whether it replaced one.</summary>
public sealed record ImportResult(
    string RoundId,
    IReadOnlyList<string> MeetingIds,
    IReadOnlyList<ImportWarning> Warnings,
    bool Replaced
);

/// <summary>
/// Turns a 概要 text into a round: its sessions become held meetings of the round's body, with themes, opinions,
/// comments and the overall review in their records, all written in one transaction, so that a document is imported
/// whole or not at all. The same document twice is refused unless the caller asks to replace the earlier import.
/// </summary>
public sealed partial class ExchangeImporter(
    IModuleDatabase database,
    IBodies bodies,
    IMeetingImport meetingImport,
    IBodyMembership membership,
    IPeople people,
    ITenantDirectory tenants
)
{
    public const string BodyKind = "exchange-session";

    private const string SelectEarlier = """
        SELECT round_id FROM exchange_rounds
        WHERE tenant_id = @tenantId AND source_hash IN (@hash, @legacyHash)
        """;

    private const string RehashEarlier = """
        UPDATE exchange_rounds SET source_hash = @hash
        WHERE tenant_id = @tenantId AND round_id = @earlier AND source_hash = @legacyHash
        """;

    private const string InsertRound = """
        INSERT INTO exchange_rounds (tenant_id, round_id, title, fiscal_year, body_id, themes, source_hash, created_at)
        VALUES (@tenantId, @roundId, @title, @fiscalYear, @bodyId, @themes, @hash, @now)
        """;

    private const string InsertSession = """
        INSERT INTO exchange_sessions (tenant_id, meeting_id, round_id, position, region, details)
        VALUES (@tenantId, @meetingId, @roundId, @position, @region, @details)
        """;

    private const string SelectSessionMeetings = """
        SELECT meeting_id FROM exchange_sessions WHERE tenant_id = @tenantId AND round_id = @roundId
        """;

    private const string DeleteSessions = """
        DELETE FROM exchange_sessions WHERE tenant_id = @tenantId AND round_id = @roundId
        """;

    private const string UpdateSessionDetails = """
        UPDATE exchange_sessions SET details = @details
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string DeleteRound = """
        DELETE FROM exchange_rounds WHERE tenant_id = @tenantId AND round_id = @roundId
        """;

    /// <summary>What the document holds, and the round that already holds it, so that a duplicate is shown before
    /// it is imported.</summary>
    public async Task<ParseResult> PreviewAsync(
        string tenantId,
        string text,
        CancellationToken cancellationToken = default
    )
    {
        var parsed = ExchangeSummaryParser.Parse(
            text,
            await PositionsAsync(tenantId, cancellationToken),
            cancellationToken
        );
        await using var connection = await database.OpenAsync(cancellationToken);
        var earlier = await connection.QueryFirstOrDefaultAsync<string>(
            SelectEarlier,
            new
            {
                tenantId,
                hash = SourceHash(SummaryText.Normalize(text)),
                legacyHash = SourceHash(text.Replace("\r\n", "\n").Trim()),
            }
        );
        return parsed with { DuplicateOfRoundId = earlier };
    }

    public async Task<ImportResult> ImportAsync(
        TenantInfo tenant,
        string text,
        bool replace,
        CancellationToken cancellationToken = default
    )
    {
        var (document, warnings) = await PreviewAsync(tenant.Id, text, cancellationToken);
        if (document.Sessions.FirstOrDefault(s => s.Date == default) is { } undated)
            throw new PlatformException(
                400,
                "import.no_date",
                "開催日が読めない会があります。",
                $"{undated.Region}の開催日時が読めないため取り込めません。"
                    + "プレビューの警告を見て、開催日時の行を直してください。"
            );
        var hash = SourceHash(SummaryText.Normalize(text));
        var legacyHash = SourceHash(text.Replace("\r\n", "\n").Trim());
        string? earlier;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            earlier = await connection.QueryFirstOrDefaultAsync<string>(
                SelectEarlier,
                new
                {
                    tenantId = tenant.Id,
                    hash,
                    legacyHash,
                }
            );
            // Found by its earlier hash: from now on by its normal form, so that the same text with a BOM is found too.
            if (earlier is not null && hash != legacyHash)
                await connection.ExecuteAsync(
                    RehashEarlier,
                    new
                    {
                        tenantId = tenant.Id,
                        earlier,
                        hash,
                        legacyHash,
                    }
                );
        }
        if (earlier is not null && !replace)
            throw new PlatformException(
                409,
                "import.duplicate",
                "この概要は取り込み済みです。",
                "同じ内容の概要がすでに取り込まれています。"
                    + "置き換える場合は replace=true を付けて（画面では「置き換える」を選んで）もう一度取り込んでください。"
            )
            {
                Extensions = { ["roundId"] = earlier },
            };

        var body = await RoundBodyAsync(tenant.Id, document.Title, cancellationToken);
        var tenantsByName = (await tenants.ListAsync(cancellationToken))
            .GroupBy(t => t.Name)
            .ToDictionary(g => g.Key, g => g.First().Id);
        // A replaced round keeps its id, so that its address (/exchange-sessions/{roundId}) and links to it still work.
        var roundId = earlier ?? Ids.New();
        var meetings = new List<ImportedMeeting>();
        var sessions = new List<(SessionDetails Details, string Region)>();
        for (var i = 0; i < document.Sessions.Count; i++)
        {
            var s = document.Sessions[i];
            var title = $"{Shorten(document.Title, 150)}（{s.Region}）";
            var input = new MeetingInput(
                body.Id,
                "exchange-session",
                title,
                Clock.Iso(s.Date),
                s.Slots.Select(x => new SlotInput(x.Start, x.End)).ToList(),
                s.Venue,
                Attendance: new AttendanceInput([.. s.Counts], StatedTotal: s.StatedTotal)
                {
                    Advisors = [.. s.Advisors.Select(Named)],
                    Members = [.. s.LiaisonMembers.Select(Named)],
                }
            );
            var (themes, comments, blocks) = Record(s);
            meetings.Add(new ImportedMeeting(input, themes, comments));
            // A municipality may be listed twice (two of its offices): linked once.
            var linked = s
                .Counts.Select(c => c.Name)
                .Distinct()
                .Where(n => tenantsByName.ContainsKey(n) && tenantsByName[n] != tenant.Id)
                .ToDictionary(n => n, n => tenantsByName[n]);
            sessions.Add(
                (
                    new SessionDetails(
                        s.RegionLabel,
                        s.Venue,
                        s.StatedWeekday,
                        s.Advisors,
                        s.LiaisonMembers,
                        blocks,
                        warnings.Where(w => w.Session == i + 1).ToList(),
                        linked
                    ),
                    s.Region
                )
            );
        }
        var replacing = earlier is null ? [] : await SessionMeetingsAsync(tenant.Id, earlier, cancellationToken);
        var written = await meetingImport.ImportAsync(
            tenant.Id,
            meetings,
            replacing,
            async (transaction, imported) =>
            {
                var (connection, tx) = (transaction.Connection, transaction.Transaction);
                if (earlier is not null)
                    await DeleteRoundAsync(connection, tx, tenant.Id, earlier);
                await connection.ExecuteAsync(
                    InsertRound,
                    new
                    {
                        tenantId = tenant.Id,
                        roundId,
                        title = Shorten(document.Title, 300),
                        fiscalYear = FiscalYear.Of(document.Sessions[0].Date).Year,
                        bodyId = body.Id,
                        themes = JsonSerializer.Serialize(document.Themes, RoundStore.Json),
                        hash,
                        now = Clock.Now(),
                    },
                    tx
                );
                for (var i = 0; i < imported.Count; i++)
                    await connection.ExecuteAsync(
                        InsertSession,
                        new
                        {
                            tenantId = tenant.Id,
                            meetingId = imported[i].Id,
                            roundId,
                            position = i + 1,
                            region = sessions[i].Region,
                            details = JsonSerializer.Serialize(sessions[i].Details, RoundStore.Json),
                        },
                        tx
                    );
            },
            cancellationToken
        );
        await LinkPeopleAsync(tenant.Id, document.Title, written, sessions, cancellationToken);
        return new ImportResult(roundId, written.Select(m => m.Id).ToList(), warnings, earlier is not null);
    }

    /// <summary>
    /// The advisors and members of every session as members of the standing liaison council (the round's title
    /// without its round and without 情報交換会), so that a person named at two sessions or in two rounds is one
    /// person of the tenant; each session keeps who its names turned out to be. After the import's transaction, since
    /// the people are the core's: a failure here leaves the round imported and a replacing import links it again.
    /// </summary>
    private async Task LinkPeopleAsync(
        string tenantId,
        string title,
        IReadOnlyList<Meeting> written,
        List<(SessionDetails Details, string Region)> sessions,
        CancellationToken cancellationToken
    )
    {
        var named = sessions
            .SelectMany(s => s.Details.Advisors.Concat(s.Details.LiaisonMembers))
            .Select(p => new NamedMember(
                p.Name,
                p.Organisation,
                p.Title,
                p.Kind == ParticipantKind.Advisor ? PersonRoleKind.Advisor : PersonRoleKind.LiaisonMember
            ))
            .ToList();
        if (named.Count == 0)
            return;
        var council = await CouncilAsync(tenantId, title, cancellationToken);
        var linked = await membership.LinkAsync(tenantId, council.Id, named, cancellationToken);
        var ids = new Dictionary<string, string>();
        foreach (var l in linked.Where(l => l.PersonId is not null))
            ids[NameMatching.Fold(l.Name)] = l.PersonId!;
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var i = 0; i < sessions.Count; i++)
        {
            var details = sessions[i].Details;
            var mine = details
                .Advisors.Concat(details.LiaisonMembers)
                .Select(p => NameMatching.Fold(p.Name))
                .Where(ids.ContainsKey)
                .Distinct()
                .ToDictionary(n => n, n => ids[n]);
            await connection.ExecuteAsync(
                UpdateSessionDetails,
                new
                {
                    tenantId,
                    meetingId = written[i].Id,
                    details = JsonSerializer.Serialize(
                        details with
                        {
                            PersonIds = mine,
                            CouncilId = council.Id,
                        },
                        RoundStore.Json
                    ),
                }
            );
        }
    }

    /// <summary>The standing body whose advisors and members the sessions name (宮城県地域支え合い・生活支援推進連絡会議),
    /// found by name and registered when the tenant has none.</summary>
    private async Task<Body> CouncilAsync(string tenantId, string title, CancellationToken cancellationToken)
    {
        var name = Shorten(CouncilName(title), 200);
        return (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken)).FirstOrDefault(b =>
                b.Kind != BodyKind && NameMatching.Fold(b.Name) == NameMatching.Fold(name)
            )
            ?? await bodies.CreateAsync(
                tenantId,
                new BodyInput(name, null, 1, Territory.Tenant, Status: BodyStatus.Active),
                cancellationToken
            );
    }

    /// <summary>令和元年度第２回宮城県地域支え合い・生活支援推進連絡会議 情報交換会 → 宮城県地域支え合い・生活支援推進連絡会議.</summary>
    public static string CouncilName(string title)
    {
        var rest = RoundPrefix().Replace(title, "").Trim();
        var council = SessionSuffix().Replace(rest, "").Trim();
        return council.Length > 0 ? council
            : rest.Length > 0 ? rest
            : "連絡会議";
    }

    /// <summary>
    /// What tells a document already imported: the hash of its normal form (<see cref="SummaryText"/>), so that a BOM,
    /// a zero-width space, CRLF or trailing spaces do not make it new. Rows imported before the normal form were hashed
    /// on the text with CRLF as LF and trimmed, which is the same for a document without trailing spaces or invisible
    /// characters; for the others the importer also looks for that earlier hash of the text given (the same text sent
    /// again) and then stores the normal one on the row.
    /// </summary>
    private static string SourceHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Themes become themes of the record, opinions their opinions ("⇒" a response to the opinion above), comments and
    /// reviews comments. The record numbers its entries in this order (each theme, its opinions, then the comments),
    /// which is how a stored comment block finds its comments again.
    /// </summary>
    private static (
        IReadOnlyList<ImportedTheme>,
        IReadOnlyList<ImportedComment>,
        IReadOnlyList<StoredCommentBlock>
    ) Record(SessionDocument s)
    {
        var themes = new List<ImportedTheme>();
        foreach (var theme in s.Themes)
        {
            var opinions = new List<ImportedOpinion>();
            foreach (var text in theme.Opinions)
            {
                // As long as an opinion recorded at the meeting may be: a longer one is a missing line break, not an
                // opinion.
                SummaryLimits.CheckLength(text, RecordLimits.MaxTextLength, $"{s.Region}：", "意見");
                var response = text.StartsWith('⇒');
                opinions.Add(new ImportedOpinion(response ? text[1..].Trim() : text, response));
            }
            themes.Add(new ImportedTheme(theme.Title, opinions));
        }
        var seq = themes.Sum(t => 1 + t.Opinions.Count);
        var comments = new List<ImportedComment>();
        var blocks = new List<StoredCommentBlock>();
        foreach (var (block, review) in s.Comments.Select(c => (c, false)).Concat(s.Reviews.Select(r => (r, true))))
        {
            var seqs = new List<int>();
            foreach (var text in block.Texts)
            {
                SummaryLimits.CheckLength(text, RecordLimits.MaxTextLength, $"{s.Region}：", "コメント");
                seqs.Add(++seq);
                comments.Add(
                    new ImportedComment(
                        Shorten(block.Speaker?.Name ?? block.Header, 100),
                        Role(block.Speaker),
                        block.Position,
                        text,
                        review
                    )
                );
            }
            blocks.Add(new StoredCommentBlock(block.Header, block.Group, block.Speaker, block.Position, review, seqs));
        }
        return (themes, comments, blocks);
    }

    /// <summary>東北こども福祉専門学院 副学院長 大坂 純, as the 概要 lists them (without 氏).</summary>
    private static string Named(Participant p) =>
        Shorten(string.Join(" ", new[] { p.Organisation, p.Title, p.Name }.Where(x => !string.IsNullOrEmpty(x))), 300);

    private static string? Role(Participant? p) =>
        p?.Kind switch
        {
            ParticipantKind.Advisor => "アドバイザー（運営委員）",
            ParticipantKind.LiaisonMember => "連絡会議会員",
            ParticipantKind.Other => string.IsNullOrEmpty(p.Organisation) ? null : Shorten(p.Organisation, 40),
            _ => null,
        };

    private async Task<IReadOnlyList<string>> SessionMeetingsAsync(
        string tenantId,
        string roundId,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(SelectSessionMeetings, new { tenantId, roundId })).ToList();
    }

    private static async Task DeleteRoundAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        string roundId
    )
    {
        await connection.ExecuteAsync(DeleteSessions, new { tenantId, roundId }, transaction);
        await connection.ExecuteAsync(DeleteRound, new { tenantId, roundId }, transaction);
    }

    /// <summary>The standing body whose sessions a round holds: the title without its round (令和元年度第２回).</summary>
    private async Task<Body> RoundBodyAsync(string tenantId, string title, CancellationToken cancellationToken)
    {
        var name = Shorten(RoundPrefix().Replace(title, "").Trim() is { Length: > 0 } rest ? rest : "情報交換会", 200);
        return (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken)).FirstOrDefault(b =>
                b.Kind == BodyKind && b.Name == name
            )
            ?? await bodies.CreateAsync(
                tenantId,
                new BodyInput(name, BodyKind, 1, Territory.Tenant, Status: BodyStatus.Active),
                cancellationToken
            );
    }

    /// <summary>Positions (委員長, 副委員長) that the tenant's people record for its advisors, by folded name.</summary>
    private async Task<IReadOnlyDictionary<string, string>> PositionsAsync(
        string tenantId,
        CancellationToken cancellationToken
    ) =>
        (await people.ListAsync(tenantId, cancellationToken))
            .SelectMany(p =>
                p.Roles.Where(r => r.Role == PersonRoleKind.Advisor && r.Position is not null && r.Until is null)
                    .Select(r => (p.Name, r.Position!.Value))
            )
            .GroupBy(x => NameMatching.Fold(x.Name))
            .ToDictionary(g => g.Key, g => g.First().Value.Japanese());

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"^(令和|平成)\S*?年度\s*第\S+?回\s*")]
    private static partial Regex RoundPrefix();

    [GeneratedRegex(@"\s*情報交換会$")]
    private static partial Regex SessionSuffix();
}
