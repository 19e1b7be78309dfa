using System.Globalization;
using Dapper;
using Platform.Abstractions.Search;
using Platform.Core.Modules;
using Platform.Core.Privacy;
using Platform.Core.Storage;

namespace Platform.Core.Search;

/// <summary>
/// One hit. <see cref="Type"/> is <c>meeting</c>, <c>opinion</c> or <c>comment</c> (with their meeting), or
/// <c>organisation</c>, <c>person</c> or a module's kind (<c>resource</c>), which have no meeting: their meeting
/// fields are empty. <see cref="Title"/>, <see cref="Path"/> (relative to the tenant's root) and
/// <see cref="Date"/> (ISO, or null) are given for every kind.
/// </summary>
public sealed record SearchHit(
    string Type,
    string MeetingId,
    string MeetingTitle,
    string MeetingDate,
    string Text,
    string? Id,
    string Title = "",
    string Path = "",
    string? Date = null
);

/// <summary>
/// Finds meetings, opinions and comments by words. Both the stored text and the query are folded by
/// <see cref="SearchText"/>, so full-width and half-width, hiragana and katakana, and Latin case all match; every word
/// must occur. Residents' information (個人情報 and above) is never searched: a hit would tell that a name occurs even
/// where the text is withheld. Other hits are shown only where the reader's clearance in the meeting's district reaches
/// them. Organisations and people (by name and reading) and what modules in effect find (<see cref="ISearchSource"/>)
/// follow the records' hits.
/// </summary>
public sealed class SearchService(Database database, ModuleGate gate, IEnumerable<ISearchSource> sources)
{
    /// <summary>Hits of each kind besides the records: a name search, a few suffice.</summary>
    private const int OthersLimit = 20;

    private const string SelectOrganisations = """
        SELECT organisation_id AS Id, name AS Name, district_id AS DistrictId FROM organisations
        WHERE tenant_id = @tenantId{0} ORDER BY name
        """;

    private const string SelectPeople = """
        SELECT p.person_id AS Id, p.name AS Name, p.title AS Title, o.name AS OrganisationName FROM people p
        LEFT JOIN organisations o ON o.tenant_id = p.tenant_id AND o.organisation_id = p.organisation_id
        WHERE p.tenant_id = @tenantId{0} ORDER BY p.name
        """;

    private sealed record NamedRow(string Id, string Name, string? DistrictId, string? Title, string? OrganisationName)
    {
        public NamedRow()
            : this("", "", null, null, null) { }
    }

    private sealed class Row
    {
        public string Type { get; init; } = "";
        public string MeetingId { get; init; } = "";
        public string MeetingTitle { get; init; } = "";
        public string MeetingDate { get; init; } = "";
        public string Text { get; init; } = "";
        public string? Id { get; init; }
        public int Sensitivity { get; init; }
        public string? DistrictId { get; init; }
    }

    private const string Bodies = "JOIN bodies b ON b.tenant_id = m.tenant_id AND b.body_id = m.body_id";

    public async Task<IReadOnlyList<SearchHit>> FindAsync(
        string tenantId,
        string? query,
        Audience audience,
        int limit = 100,
        CancellationToken cancellationToken = default
    )
    {
        var terms = SearchText.Terms(query);
        if (terms.Count == 0)
            return [];
        var parameters = new DynamicParameters(new { tenantId, personal = (int)Sensitivity.Personal });
        for (var i = 0; i < terms.Count; i++)
        {
            parameters.Add($"t{i}", SearchText.Contains(terms[i]));
            if (database.Provider == DatabaseProvider.Postgres)
                parameters.Add($"w{i}", terms[i]);
        }
        string Like(string column) => string.Join(" AND ", terms.Select((_, i) => $"{column} LIKE @t{i} ESCAPE '\\'"));
        // PostgreSQL (migration 0007): the GIN index of the tenant's bigrams narrows opinions and comments to the rows
        // that hold every bigram of each word of two or more characters; LIKE stays the test, so the hits are those of
        // LIKE alone. A one-character word has no bigram: only the tenant's rows are read for it.
        string Where(string table) =>
            database.Provider != DatabaseProvider.Postgres
                ? Like($"{table}.search_text")
                : string.Join(
                    " AND ",
                    terms
                        .Select((t, i) => (t, i))
                        .Where(w => w.t.EnumerateRunes().Count() >= 2)
                        .Select(w =>
                            $"search_bigrams({table}.tenant_id, {table}.search_text) @> search_bigrams(@tenantId, @w{w.i})"
                        )
                        .Append(Like($"{table}.search_text"))
                );
        IEnumerable<Row> rows;
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            var sql = database.Dialect.Limit(
                $"SELECT 'meeting' AS Type, m.meeting_id AS MeetingId, m.title AS MeetingTitle, m.meeting_date AS MeetingDate, m.title AS Text, m.meeting_id AS Id, "
                    + $"0 AS Sensitivity, b.district_id AS DistrictId FROM meetings m {Bodies} WHERE m.tenant_id = @tenantId AND {Like("m.search_text")} "
                    + $"UNION ALL SELECT 'opinion', m.meeting_id, m.title, m.meeting_date, o.text, o.opinion_id, o.sensitivity, b.district_id "
                    + $"FROM opinions o JOIN meetings m ON m.tenant_id = o.tenant_id AND m.meeting_id = o.meeting_id {Bodies} "
                    + $"WHERE o.tenant_id = @tenantId AND o.sensitivity < @personal AND {Where("o")} "
                    + $"UNION ALL SELECT 'comment', m.meeting_id, m.title, m.meeting_date, c.text, c.comment_id, c.sensitivity, b.district_id "
                    + $"FROM comments c JOIN meetings m ON m.tenant_id = c.tenant_id AND m.meeting_id = c.meeting_id {Bodies} "
                    + $"WHERE c.tenant_id = @tenantId AND c.sensitivity < @personal AND {Where("c")} "
                    + "ORDER BY MeetingDate DESC, Type",
                limit
            );
            rows = await connection.QueryAsync<Row>(sql, parameters);
        }
        else
        {
            // The same hits in the same order, at national scale (build/bench/README.md, NationwideQueries): each part
            // is sorted by its meeting's date and cut to the limit before the union, and only those rows meet their
            // body. The planner cannot tell how many rows the bigram test leaves (the bigrams of a word occur together,
            // it multiplies them as if apart) and expects one: it would then look up each hit's meeting by index,
            // 20,000 times for a word in half the rows. Without nested loops the hits are hash-joined with the tenant's
            // meetings instead, which for a rare word costs a read of the tenant's meetings (a few ms) and for a common
            // one saves most of the time.
            parameters.Add("limit", limit);
            var sql =
                "SELECT h.type AS Type, h.meeting_id AS MeetingId, h.title AS MeetingTitle, h.meeting_date AS MeetingDate, h.text AS Text, h.id AS Id, "
                + "h.sensitivity AS Sensitivity, b.district_id AS DistrictId FROM ("
                + "(SELECT 'meeting' AS type, m.meeting_id, m.title, m.meeting_date, m.title AS text, m.meeting_id AS id, 0 AS sensitivity, m.body_id "
                + $"FROM meetings m WHERE m.tenant_id = @tenantId AND {Like("m.search_text")} ORDER BY m.meeting_date DESC LIMIT @limit) "
                + "UNION ALL (SELECT 'opinion', m.meeting_id, m.title, m.meeting_date, o.text, o.opinion_id, o.sensitivity, m.body_id "
                + "FROM opinions o JOIN meetings m ON m.tenant_id = o.tenant_id AND m.meeting_id = o.meeting_id "
                + $"WHERE o.tenant_id = @tenantId AND o.sensitivity < @personal AND {Where("o")} ORDER BY m.meeting_date DESC LIMIT @limit) "
                + "UNION ALL (SELECT 'comment', m.meeting_id, m.title, m.meeting_date, c.text, c.comment_id, c.sensitivity, m.body_id "
                + "FROM comments c JOIN meetings m ON m.tenant_id = c.tenant_id AND m.meeting_id = c.meeting_id "
                + $"WHERE c.tenant_id = @tenantId AND c.sensitivity < @personal AND {Where("c")} ORDER BY m.meeting_date DESC LIMIT @limit)"
                + ") h JOIN bodies b ON b.tenant_id = @tenantId AND b.body_id = h.body_id ORDER BY h.meeting_date DESC, h.type LIMIT @limit";
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("SET LOCAL enable_nestloop = off", transaction: transaction);
            rows = await connection.QueryAsync<Row>(sql, parameters, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        var hits = rows.Where(r => (Sensitivity)r.Sensitivity <= audience.ClearanceIn(r.DistrictId))
            .Select(r => new SearchHit(
                r.Type,
                r.MeetingId,
                r.MeetingTitle,
                r.MeetingDate,
                r.Text,
                r.Id,
                r.MeetingTitle,
                $"meetings/{r.MeetingId}",
                r.MeetingDate
            ))
            .ToList();
        hits.AddRange(await NamedAsync(connection, tenantId, terms, cancellationToken));
        hits.AddRange(await FromSourcesAsync(tenantId, terms, cancellationToken));
        return hits;
    }

    /// <summary>Organisations and people whose stored search text (name, reading) holds every word.</summary>
    private static async Task<IEnumerable<SearchHit>> NamedAsync(
        System.Data.Common.DbConnection connection,
        string tenantId,
        IReadOnlyList<string> terms,
        CancellationToken cancellationToken
    )
    {
        var parameters = new DynamicParameters(new { tenantId });
        for (var i = 0; i < terms.Count; i++)
            parameters.Add($"t{i}", SearchText.Contains(terms[i]));
        string Words(string column) => string.Concat(terms.Select((_, i) => $" AND {column} LIKE @t{i} ESCAPE '\\'"));
        var organisations = await connection.QueryAsync<NamedRow>(
            new CommandDefinition(
                string.Format(CultureInfo.InvariantCulture, SelectOrganisations, Words("search_text")),
                parameters,
                cancellationToken: cancellationToken
            )
        );
        var people = await connection.QueryAsync<NamedRow>(
            new CommandDefinition(
                string.Format(CultureInfo.InvariantCulture, SelectPeople, Words("p.search_text")),
                parameters,
                cancellationToken: cancellationToken
            )
        );
        return organisations
            .Take(OthersLimit)
            .Select(o => new SearchHit(
                "organisation",
                "",
                "",
                "",
                "団体",
                o.Id,
                o.Name,
                $"people?organisationId={Uri.EscapeDataString(o.Id)}"
            ))
            .Concat(
                people
                    .Take(OthersLimit)
                    .Select(p => new SearchHit(
                        "person",
                        "",
                        "",
                        "",
                        string.Join("・", new[] { p.OrganisationName, p.Title }.Where(s => !string.IsNullOrEmpty(s))),
                        p.Id,
                        p.Name,
                        $"people/{Uri.EscapeDataString(p.Id)}"
                    ))
            );
    }

    /// <summary>
    /// What the modules in effect found. A hit with a district is kept only where its module is in effect there (a
    /// district-scoped module such as お宝 may be switched on in some districts only).
    /// </summary>
    private async Task<IEnumerable<SearchHit>> FromSourcesAsync(
        string tenantId,
        IReadOnlyList<string> terms,
        CancellationToken cancellationToken
    )
    {
        var hits = new List<SearchHit>();
        var inEffect = new Dictionary<string, IReadOnlyList<ISearchSource>>();
        foreach (var source in await gate.InEffectAsync(sources, tenantId, null))
        foreach (var hit in await source.FindAsync(tenantId, terms, OthersLimit, cancellationToken))
        {
            if (hit.DistrictId is { } districtId)
            {
                if (!inEffect.TryGetValue(districtId, out var there))
                    inEffect[districtId] = there = await gate.InEffectAsync(sources, tenantId, districtId);
                if (!there.Contains(source))
                    continue;
            }
            hits.Add(
                new SearchHit(
                    hit.Type,
                    "",
                    "",
                    "",
                    hit.Text,
                    hit.Id,
                    hit.Title,
                    hit.Path,
                    hit.Date is { } date ? Platform.Abstractions.Calendar.Clock.Iso(date) : null
                )
            );
        }
        return hits;
    }
}
