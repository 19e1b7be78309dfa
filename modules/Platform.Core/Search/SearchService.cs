using Dapper;
using Platform.Core.Storage;
using Platform.Core.Text;

namespace Platform.Core.Search;

public sealed record SearchHit(string Type, string MeetingId, string MeetingTitle, string MeetingDate, string Text, string? Id);

/// <summary>
/// Finds meetings, opinions and comments by words. Both the stored text and the query are folded by
/// <see cref="SearchText"/>, so full-width and half-width, hiragana and katakana, and Latin case all match; every word must occur.
/// </summary>
public sealed class SearchService(Database database)
{
    private sealed class Row
    {
        public string Type { get; init; } = "";
        public string MeetingId { get; init; } = "";
        public string MeetingTitle { get; init; } = "";
        public string MeetingDate { get; init; } = "";
        public string Text { get; init; } = "";
        public string? Id { get; init; }
    }

    public async Task<IReadOnlyList<SearchHit>> FindAsync(string tenantId, string? query, int limit = 100, CancellationToken cancellationToken = default)
    {
        var terms = SearchText.Terms(query);
        if (terms.Count == 0) return [];
        var parameters = new DynamicParameters(new { tenantId });
        string Where(string column) => string.Join(" AND ", terms.Select((t, i) =>
        {
            parameters.Add($"t{i}", SearchText.Contains(t));
            return $"{column} LIKE @t{i} ESCAPE '\\'";
        }));
        var sql = database.Dialect.Limit(
            $"SELECT 'meeting' AS Type, m.meeting_id AS MeetingId, m.title AS MeetingTitle, m.meeting_date AS MeetingDate, m.title AS Text, m.meeting_id AS Id " +
            $"FROM meetings m WHERE m.tenant_id = @tenantId AND {Where("m.search_text")} " +
            $"UNION ALL SELECT 'opinion', m.meeting_id, m.title, m.meeting_date, o.text, o.opinion_id " +
            $"FROM opinions o JOIN meetings m ON m.tenant_id = o.tenant_id AND m.meeting_id = o.meeting_id WHERE o.tenant_id = @tenantId AND {Where("o.search_text")} " +
            $"UNION ALL SELECT 'comment', m.meeting_id, m.title, m.meeting_date, c.text, c.comment_id " +
            $"FROM comments c JOIN meetings m ON m.tenant_id = c.tenant_id AND m.meeting_id = c.meeting_id WHERE c.tenant_id = @tenantId AND {Where("c.search_text")} " +
            "ORDER BY MeetingDate DESC, Type", limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(sql, parameters);
        return rows.Select(r => new SearchHit(r.Type, r.MeetingId, r.MeetingTitle, r.MeetingDate, r.Text, r.Id)).ToList();
    }
}
