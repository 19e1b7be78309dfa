using System.Text.Json;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Bodies;

/// <summary>
/// Consultative bodies, persisted as <see cref="BodyRules"/> made them. A body's lists (charter, members, scope,
/// counted bodies) are one JSON document, written with it; the meeting kinds it counts are a column of their own
/// (added later, NULL for the default).
/// </summary>
public sealed class BodyStore(Database database)
{
    private const string Columns = """
        body_id AS Id, name AS Name, kind AS Kind, tier AS Tier, territory AS Territory, district_id AS DistrictId,
        host_organisation_id AS HostOrganisationId, status AS Status, details AS Details,
        counted_kinds AS CountedKinds
        """;

    private const string SelectByDistrict = $"""
        SELECT {Columns} FROM bodies
        WHERE tenant_id = @tenantId AND (@districtId IS NULL OR district_id = @districtId)
        ORDER BY tier, name
        """;

    private const string SelectOne = $"""
        SELECT {Columns} FROM bodies WHERE tenant_id = @tenantId AND body_id = @bodyId
        """;

    private const string Insert = """
        INSERT INTO bodies (tenant_id, body_id, name, kind, tier, territory, district_id, host_organisation_id, status,
                            details, counted_kinds, created_at, updated_at)
        VALUES (@tenantId, @Id, @Name, @Kind, @Tier, @territory, @DistrictId, @HostOrganisationId, @status,
                @details, @countedKinds, @now, @now)
        """;

    private const string Update = """
        UPDATE bodies
        SET name = @Name, kind = @Kind, tier = @Tier, territory = @territory, district_id = @DistrictId,
            host_organisation_id = @HostOrganisationId, status = @status, details = @details,
            counted_kinds = @countedKinds, updated_at = @now
        WHERE tenant_id = @tenantId AND body_id = @Id
        """;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Details(
        CadencePolicy Cadence,
        Charter Charter,
        List<BodyMember> Members,
        List<string> DefaultScope,
        List<string> CountedBodyIds
    );

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Kind { get; init; }
        public int Tier { get; init; }
        public string Territory { get; init; } = "";
        public string? DistrictId { get; init; }
        public string? HostOrganisationId { get; init; }
        public string Status { get; init; } = "";
        public string Details { get; init; } = "";
        public string? CountedKinds { get; init; }

        public Body ToBody()
        {
            var d = JsonSerializer.Deserialize<Details>(Details, Json)!;
            return new Body(
                Id,
                Name,
                Kind,
                Tier,
                Enum.Parse<Territory>(Territory),
                DistrictId,
                HostOrganisationId,
                Enum.Parse<BodyStatus>(Status),
                d.Cadence,
                d.Charter,
                d.Members,
                d.DefaultScope,
                d.CountedBodyIds
            )
            {
                CountedKinds = CountedKinds is null
                    ? []
                    : JsonSerializer.Deserialize<List<string>>(CountedKinds, Json)!,
            };
        }
    }

    public async Task<IReadOnlyList<Body>> ListAsync(
        string tenantId,
        string? districtId = null,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(SelectByDistrict, new { tenantId, districtId });
        return rows.Select(r => r.ToBody()).ToList();
    }

    public async Task<Body?> FindAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(SelectOne, new { tenantId, bodyId });
        return row?.ToBody();
    }

    public async Task<Body> GetAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, bodyId, cancellationToken)
        ?? throw PlatformException.NotFound("body.not_found", "協議体");

    /// <summary>Writes a new body; 409 <c>body.exists</c> when its id is taken.</summary>
    public async Task CreateAsync(string tenantId, Body body, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(Insert, Parameters(tenantId, body, Clock.Now()));
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(409, "body.exists", "同じ識別子の協議体が既にあります。");
        }
    }

    public async Task UpdateAsync(string tenantId, Body body, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Update, Parameters(tenantId, body, Clock.Now()));
    }

    private static object Parameters(string tenantId, Body body, string now) =>
        new
        {
            tenantId,
            body.Id,
            body.Name,
            body.Kind,
            body.Tier,
            territory = body.Territory.ToString(),
            body.DistrictId,
            body.HostOrganisationId,
            status = body.Status.ToString(),
            now,
            // NULL, not "[]", for the default: the column says at a glance which bodies chose their kinds.
            countedKinds = body.CountedKinds.Count == 0 ? null : JsonSerializer.Serialize(body.CountedKinds, Json),
            details = JsonSerializer.Serialize(
                new Details(
                    body.Cadence,
                    body.Charter,
                    [.. body.Members],
                    [.. body.DefaultScope],
                    [.. body.CountedBodyIds]
                ),
                Json
            ),
        };
}
