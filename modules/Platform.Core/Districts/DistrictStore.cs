using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Districts;

/// <summary>
/// Districts in the database, written as <see cref="DistrictRules"/> made them. Every query names the tenant: a
/// district id of another tenant finds nothing.
/// </summary>
public sealed class DistrictStore(Database database)
{
    private const string Columns = """
        district_id AS Id, tenant_id AS TenantId, name AS Name, kind AS Kind, parent_id AS ParentId,
            sort_order AS SortOrder
        """;

    private const string SelectAll = $"""
        SELECT {Columns} FROM districts WHERE tenant_id = @tenantId ORDER BY sort_order, district_id
        """;

    private const string SelectOne = $"""
        SELECT {Columns} FROM districts WHERE tenant_id = @tenantId AND district_id = @districtId
        """;

    private const string NextSortOrder = """
        SELECT COALESCE(MAX(sort_order), 0) + 10 FROM districts WHERE tenant_id = @tenantId
        """;

    private const string Insert = """
        INSERT INTO districts (tenant_id, district_id, name, kind, parent_id, sort_order, created_at, updated_at)
        VALUES (@TenantId, @Id, @Name, @kind, @ParentId, @SortOrder, @now, @now)
        """;

    private const string Update = """
        UPDATE districts
        SET name = @Name, kind = @kind, parent_id = @ParentId, sort_order = @SortOrder, updated_at = @now
        WHERE tenant_id = @TenantId AND district_id = @Id
        """;

    // Dapper maps by property so that each provider's integer width (SQLite's is 64-bit) converts.
    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string TenantId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? ParentId { get; init; }
        public int SortOrder { get; init; }

        public District ToDistrict() =>
            new(Id, TenantId, Name, Enum.Parse<DistrictKind>(Kind, ignoreCase: true), ParentId, SortOrder);
    }

    public async Task<IReadOnlyList<District>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(SelectAll, new { tenantId });
        return rows.Select(r => r.ToDistrict()).ToList();
    }

    public async Task<District?> FindAsync(
        string tenantId,
        string districtId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(SelectOne, new { tenantId, districtId });
        return row?.ToDistrict();
    }

    public async Task<District> GetAsync(
        string tenantId,
        string districtId,
        CancellationToken cancellationToken = default
    ) =>
        await FindAsync(tenantId, districtId, cancellationToken)
        ?? throw PlatformException.NotFound("district.not_found", "地区");

    public async Task<int> NextSortOrderAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(NextSortOrder, new { tenantId });
    }

    /// <summary>Writes a new district as <see cref="DistrictRules"/> made it; an id already taken is refused with
    /// 409.</summary>
    public async Task CreateAsync(District district, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(Insert, Parameters(district));
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(
                409,
                "district.exists",
                "同じ識別子の地区が既にあります。",
                $"地区「{district.Id}」は登録済みです。"
            );
        }
    }

    /// <summary>Writes a district's name, kind, parent and place.</summary>
    public async Task UpdateAsync(District district, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Update, Parameters(district));
    }

    private static object Parameters(District d) =>
        new
        {
            d.TenantId,
            d.Id,
            d.Name,
            kind = d.Kind.ToString(),
            d.ParentId,
            d.SortOrder,
            now = DateTimeOffset.UtcNow.ToString("O"),
        };
}

/// <summary>A district as the API and the admin page send it.</summary>
public sealed record DistrictInput(
    string? Name,
    DistrictKind? Kind = null,
    string? ParentId = null,
    int? SortOrder = null
);
