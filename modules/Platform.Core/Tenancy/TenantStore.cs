using Dapper;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Storage;

namespace Platform.Core.Tenancy;

/// <summary>Tenants in the database. Read through <see cref="TenantRegistry"/>, which caches them.</summary>
public sealed class TenantStore(Database database)
{
    private sealed class Row
    {
        public string TenantId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string LocalGovernmentCode { get; init; } = "";
    }

    private const string Columns =
        "tenant_id AS TenantId, name AS Name, kind AS Kind, local_government_code AS LocalGovernmentCode";

    public async Task<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM tenants WHERE tenant_id = @tenantId",
            new { tenantId }
        );
        return row is null ? null : ToInfo(row);
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM tenants ORDER BY tenant_id");
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>Host names mapped to tenants, for tenants reached by their own host name rather than a URL
    /// prefix.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HostNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HostNameRow>(
            "SELECT host_name AS HostName, tenant_id AS TenantId FROM tenants WHERE host_name IS NOT NULL"
        );
        return rows.ToDictionary(r => r.HostName, r => r.TenantId, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<TenantInfo> CreateAsync(NewTenant tenant, CancellationToken cancellationToken = default)
    {
        var info = tenant.Validate();
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO tenants (tenant_id, name, kind, local_government_code, host_name, created_at) VALUES (@Id, @Name, @Kind, @LocalGovernmentCode, @HostName, @CreatedAt)",
                new
                {
                    info.Id,
                    info.Name,
                    Kind = info.Kind.ToString().ToLowerInvariant(),
                    info.LocalGovernmentCode,
                    HostName = string.IsNullOrWhiteSpace(tenant.HostName)
                        ? null
                        : tenant.HostName.Trim().ToLowerInvariant(),
                    CreatedAt = DateTimeOffset.UtcNow.ToString("O"),
                }
            );
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(
                409,
                "tenant.exists",
                "同じ識別子のテナントが既にあります。",
                $"テナント「{info.Id}」は登録済みです。"
            );
        }
        return info;
    }

    private sealed class HostNameRow
    {
        public string HostName { get; init; } = "";
        public string TenantId { get; init; } = "";
    }

    private static TenantInfo ToInfo(Row row) =>
        new(row.TenantId, row.Name, Enum.Parse<TenantKind>(row.Kind, ignoreCase: true), row.LocalGovernmentCode);
}

/// <summary>A tenant to create, as an operator or a seed file gives it.</summary>
public sealed record NewTenant(
    string Id,
    string Name,
    TenantKind Kind,
    string LocalGovernmentCode,
    string? HostName = null
)
{
    public TenantInfo Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!TenantRules.IsValidSlug(Id))
            errors["id"] =
            [
                "識別子は英小文字で始まる2〜32文字の英小文字・数字・ハイフンで指定してください（空白・大文字は使えません）。",
            ];
        var name = JapaneseText.Clean(Name);
        if (name.Length is 0 or > 100)
            errors["name"] = ["名称は1〜100文字で入力してください。"];
        var code = JapaneseText.Normalize(LocalGovernmentCode);
        if (!TenantRules.IsValidLocalGovernmentCode(code))
            errors["localGovernmentCode"] =
            [
                "地方公共団体コードは検査数字を含む6桁の数字で入力してください（例：青森市 022012）。",
            ];
        if (errors.Count > 0)
            throw PlatformException.Validation(errors);
        return new TenantInfo(Id, name, Kind, code);
    }
}
