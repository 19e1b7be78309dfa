using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Districts;

/// <summary>Districts in the database. Every query names the tenant: a district id of another tenant finds nothing.</summary>
public sealed class DistrictStore(Database database)
{
    private const string Columns = "district_id AS Id, tenant_id AS TenantId, name AS Name, kind AS Kind, parent_id AS ParentId, sort_order AS SortOrder";

    // Dapper maps by property so that each provider's integer width (SQLite's is 64-bit) converts.
    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string TenantId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? ParentId { get; init; }
        public int SortOrder { get; init; }

        public District ToDistrict() => new(Id, TenantId, Name, Enum.Parse<DistrictKind>(Kind, ignoreCase: true), ParentId, SortOrder);
    }

    public async Task<IReadOnlyList<District>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM districts WHERE tenant_id = @tenantId ORDER BY sort_order, district_id", new { tenantId });
        return rows.Select(r => r.ToDistrict()).ToList();
    }

    public async Task<District?> FindAsync(string tenantId, string districtId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM districts WHERE tenant_id = @tenantId AND district_id = @districtId", new { tenantId, districtId });
        return row?.ToDistrict();
    }

    public async Task<District> GetAsync(string tenantId, string districtId, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, districtId, cancellationToken) ?? throw PlatformException.NotFound("district.not_found", "地区");

    public async Task<District> CreateAsync(string tenantId, DistrictInput input, string? id = null, CancellationToken cancellationToken = default)
    {
        var (name, kind, parentId) = await ValidateAsync(tenantId, input, selfId: null, cancellationToken);
        if (id is not null && !Ids.IsValid(id))
            throw PlatformException.Validation(new Dictionary<string, string[]> { ["id"] = ["識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。"] });
        id ??= Ids.New();
        await using var connection = await database.OpenAsync(cancellationToken);
        var sortOrder = input.SortOrder ?? await connection.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(sort_order), 0) + 10 FROM districts WHERE tenant_id = @tenantId", new { tenantId });
        var now = DateTimeOffset.UtcNow.ToString("O");
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO districts (tenant_id, district_id, name, kind, parent_id, sort_order, created_at, updated_at) VALUES (@tenantId, @id, @name, @kind, @parentId, @sortOrder, @now, @now)",
                new { tenantId, id, name, kind = kind.ToString(), parentId, sortOrder, now });
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(409, "district.exists", "同じ識別子の地区が既にあります。", $"地区「{id}」は登録済みです。");
        }
        return new District(id, tenantId, name, kind, parentId, sortOrder);
    }

    /// <summary>Renames a district or changes its kind or parent; the fields left null keep their values.</summary>
    public async Task<District> UpdateAsync(string tenantId, string districtId, DistrictInput input, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(tenantId, districtId, cancellationToken);
        var merged = new DistrictInput(input.Name ?? current.Name, input.Kind ?? current.Kind,
            input.ParentId ?? current.ParentId, input.SortOrder ?? current.SortOrder);
        var (name, kind, parentId) = await ValidateAsync(tenantId, merged, districtId, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE districts SET name = @name, kind = @kind, parent_id = @parentId, sort_order = @sortOrder, updated_at = @now WHERE tenant_id = @tenantId AND district_id = @districtId",
            new { tenantId, districtId, name, kind = kind.ToString(), parentId, sortOrder = merged.SortOrder, now = DateTimeOffset.UtcNow.ToString("O") });
        return current with { Name = name, Kind = kind, ParentId = parentId, SortOrder = merged.SortOrder!.Value };
    }

    private async Task<(string Name, DistrictKind Kind, string? ParentId)> ValidateAsync(
        string tenantId, DistrictInput input, string? selfId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = JapaneseText.Clean(input.Name);
        if (name.Length == 0) errors["name"] = ["地区名を入力してください。"];
        else if (name.Length > 100) errors["name"] = ["地区名は100文字以内で入力してください。"];
        var parentId = string.IsNullOrWhiteSpace(input.ParentId) ? null : input.ParentId.Trim();
        if (parentId is not null)
        {
            if (parentId == selfId) errors["parentId"] = ["地区を自分自身の下に置くことはできません。"];
            else if (await FindAsync(tenantId, parentId, cancellationToken) is null) errors["parentId"] = ["上位の地区が見つかりません。"];
        }
        if (errors.Count > 0) throw PlatformException.Validation(errors);
        return (name, input.Kind ?? DistrictKind.District, parentId);
    }
}

/// <summary>A district as the API and the admin page send it.</summary>
public sealed record DistrictInput(string? Name, DistrictKind? Kind = null, string? ParentId = null, int? SortOrder = null);
