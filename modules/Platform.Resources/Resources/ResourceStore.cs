using System.Globalization;
using System.Text.Json;
using Dapper;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Resources.Resources;

/// <summary>
/// The catalogue, persisted as <see cref="ResourceRules"/> made its resources and categories: each command writes one
/// row.
/// </summary>
public sealed class ResourceStore(IModuleDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        resource_id AS Id, name AS Name, category_id AS CategoryId, district_id AS DistrictId, details AS Details,
        contact AS Contact, contact_consent AS ContactConsent, publish_contact AS PublishContact,
        meeting_id AS MeetingId, opinion_id AS OpinionId, status AS Status, last_confirmed AS LastConfirmed,
        created_at AS CreatedAt
        """;

    private const string SelectCategories = """
        SELECT category_id, name FROM resource_categories WHERE tenant_id = @tenantId ORDER BY sort_order
        """;

    private const string InsertCategory = """
        INSERT INTO resource_categories (tenant_id, category_id, name, sort_order)
        VALUES (@tenantId, @Id, @Name, (SELECT COUNT(*) FROM resource_categories WHERE tenant_id = @tenantId))
        """;

    /// <summary>The filtered list; the search words' conditions (<c>{0}</c>) are added for each request.</summary>
    private const string SelectFiltered = $$"""
        SELECT {{Columns}} FROM resources
        WHERE tenant_id = @tenantId AND (@districtId IS NULL OR district_id = @districtId)
          AND (@categoryId IS NULL OR category_id = @categoryId) AND (@status IS NULL OR status = @status)
          AND (@opinionId IS NULL OR opinion_id = @opinionId){0}
        ORDER BY name
        """;

    private const string SelectOne = $"""
        SELECT {Columns} FROM resources WHERE tenant_id = @tenantId AND resource_id = @resourceId
        """;

    private const string Insert = """
        INSERT INTO resources (tenant_id, resource_id, name, category_id, district_id, details, contact,
                               contact_consent, publish_contact, meeting_id, opinion_id, status, last_confirmed,
                               search_text, created_at, updated_at)
        VALUES (@tenantId, @Id, @Name, @CategoryId, @DistrictId, @details, @Contact, @consent, @publish,
                @MeetingId, @OpinionId, @status, @confirmed, @search, @now, @now)
        """;

    private const string Update = """
        UPDATE resources
        SET name = @Name, category_id = @CategoryId, district_id = @DistrictId, details = @details, contact = @Contact,
            contact_consent = @consent, publish_contact = @publish, status = @status, last_confirmed = @confirmed,
            search_text = @search, updated_at = @now
        WHERE tenant_id = @tenantId AND resource_id = @Id
        """;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string CategoryId { get; init; } = "";
        public string? DistrictId { get; init; }
        public string Details { get; init; } = "";
        public string? Contact { get; init; }
        public int ContactConsent { get; init; }
        public int PublishContact { get; init; }
        public string? MeetingId { get; init; }
        public string? OpinionId { get; init; }
        public string Status { get; init; } = "";
        public string? LastConfirmed { get; init; }
        public string CreatedAt { get; init; } = "";

        public Resource ToResource() =>
            new(
                Id,
                Name,
                CategoryId,
                DistrictId,
                JsonSerializer.Deserialize<ResourceDetails>(Details, Json)!,
                Contact,
                ContactConsent != 0,
                PublishContact != 0,
                MeetingId,
                OpinionId,
                Enum.Parse<ResourceStatus>(Status),
                Clock.ParseIso(LastConfirmed),
                CreatedAt
            );
    }

    public sealed record Filter(
        string? DistrictId = null,
        string? CategoryId = null,
        string? Query = null,
        ResourceStatus? Status = null,
        string? OpinionId = null
    );

    public async Task<IReadOnlyList<ResourceCategory>> CategoriesAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync<(string, string)>(SelectCategories, new { tenantId });
        return [.. ResourceCategories.BuiltIn, .. own.Select(c => new ResourceCategory(c.Item1, c.Item2, false))];
    }

    /// <summary>Writes a category of the tenant's own, as <see cref="ResourceRules"/> made it.</summary>
    public async Task AddCategoryAsync(
        string tenantId,
        ResourceCategory category,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            InsertCategory,
            new
            {
                tenantId,
                category.Id,
                category.Name,
            }
        );
    }

    public async Task<IReadOnlyList<Resource>> ListAsync(
        string tenantId,
        Filter filter,
        CancellationToken cancellationToken = default
    )
    {
        var parameters = new DynamicParameters(
            new
            {
                tenantId,
                districtId = filter.DistrictId,
                categoryId = filter.CategoryId,
                status = filter.Status?.ToString(),
                opinionId = filter.OpinionId,
            }
        );
        var terms = SearchText.Terms(filter.Query);
        for (var i = 0; i < terms.Count; i++)
            parameters.Add($"t{i}", SearchText.Contains(terms[i]));
        var words = string.Concat(terms.Select((_, i) => $" AND search_text LIKE @t{i} ESCAPE '\\'"));
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = string.Format(CultureInfo.InvariantCulture, SelectFiltered, words);
        var rows = await connection.QueryAsync<Row>(sql, parameters);
        return rows.Select(r => r.ToResource()).ToList();
    }

    public async Task<Resource> GetAsync(
        string tenantId,
        string resourceId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(SelectOne, new { tenantId, resourceId });
        return row?.ToResource() ?? throw PlatformException.NotFound("resource.not_found", "お宝");
    }

    /// <summary>Writes a new resource, as <see cref="ResourceRules"/> made it.</summary>
    public async Task CreateAsync(string tenantId, Resource resource, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Insert, Parameters(tenantId, resource));
    }

    /// <summary>Writes a change to a resource, as <see cref="ResourceRules"/> made it.</summary>
    public async Task UpdateAsync(string tenantId, Resource resource, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Update, Parameters(tenantId, resource));
    }

    private static object Parameters(string tenantId, Resource r) =>
        new
        {
            tenantId,
            r.Id,
            r.Name,
            r.CategoryId,
            r.DistrictId,
            details = JsonSerializer.Serialize(r.Details, Json),
            r.Contact,
            consent = r.ContactConsent ? 1 : 0,
            publish = r.PublishContact ? 1 : 0,
            r.MeetingId,
            r.OpinionId,
            status = r.Status.ToString(),
            confirmed = r.LastConfirmed is { } c ? Clock.Iso(c) : null,
            search = SearchText.Fold(
                $"{r.Name} {r.Details.Offers} {r.Details.RunBy} {r.Details.When} {r.Details.Where}"
            ),
            now = Clock.Now(),
        };

    /// <summary>Not confirmed for over a year (or never, and found over a year ago): to be checked again.</summary>
    public static bool NeedsReview(Resource r, DateOnly today) =>
        r.Status != ResourceStatus.Ended
        && (r.LastConfirmed ?? DateOnly.FromDateTime(DateTime.Parse(r.CreatedAt, CultureInfo.InvariantCulture)))
            < today.AddYears(-1);
}
