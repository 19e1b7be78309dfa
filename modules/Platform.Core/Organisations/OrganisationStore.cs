using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Districts;
using Platform.Core.Storage;

namespace Platform.Core.Organisations;

/// <summary>Organisations and the tenant's own organisation types.</summary>
public sealed class OrganisationStore(Database database, DistrictStore districts)
{
    private const string Columns = "organisation_id AS Id, name AS Name, type_id AS TypeId, district_id AS DistrictId";

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string TypeId { get; init; } = "";
        public string? DistrictId { get; init; }
    }

    private sealed class TypeRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
    }

    public async Task<IReadOnlyList<OrganisationType>> TypesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync<TypeRow>(
            "SELECT type_id AS Id, name AS Name FROM organisation_types WHERE tenant_id = @tenantId ORDER BY sort_order", new { tenantId });
        return [.. OrganisationTypes.BuiltIn, .. own.Select(t => new OrganisationType(t.Id, t.Name, false))];
    }

    public async Task<OrganisationType> CreateTypeAsync(string tenantId, OrganisationTypeInput input, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var name = JapaneseText.Clean(input.Name);
        var id = JapaneseText.Normalize(input.Id).ToLowerInvariant();
        if (name.Length is 0 or > 100) errors.Add("name", "organisation_type.invalid_name", "種別名を100文字以内で入力してください。");
        errors.RefuseInvisible("name", "種別名", name);
        if (!Ids.IsValid(id)) errors.Add("id", "organisation_type.invalid_id", "識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。");
        else if ((await TypesAsync(tenantId, cancellationToken)).Any(t => t.Id == id))
            errors.Add("id", "organisation_type.exists", "同じ識別子の種別が既にあります。");
        errors.ThrowIfAny();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO organisation_types (tenant_id, type_id, name, sort_order) VALUES (@tenantId, @id, @name, (SELECT COUNT(*) FROM organisation_types WHERE tenant_id = @tenantId))",
            new { tenantId, id, name });
        return new OrganisationType(id, name, false);
    }

    public async Task<IReadOnlyList<Organisation>> ListAsync(string tenantId, string? districtId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM organisations WHERE tenant_id = @tenantId AND (@districtId IS NULL OR district_id = @districtId) ORDER BY name",
            new { tenantId, districtId });
        return rows.Select(r => new Organisation(r.Id, r.Name, r.TypeId, r.DistrictId)).ToList();
    }

    public async Task<Organisation?> FindAsync(string tenantId, string organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM organisations WHERE tenant_id = @tenantId AND organisation_id = @organisationId", new { tenantId, organisationId });
        return r is null ? null : new Organisation(r.Id, r.Name, r.TypeId, r.DistrictId);
    }

    public async Task<Organisation> GetAsync(string tenantId, string organisationId, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, organisationId, cancellationToken) ?? throw PlatformException.NotFound("organisation.not_found", "団体");

    /// <summary>The ids among <paramref name="ids"/> that are not organisations of the tenant.</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(string tenantId, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var known = (await ListAsync(tenantId, cancellationToken: cancellationToken)).Select(o => o.Id).ToHashSet();
        return wanted.Where(id => !known.Contains(id)).ToList();
    }

    public async Task<Organisation> CreateAsync(string tenantId, OrganisationInput input, string? id = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var (name, typeId, districtId) = await ReadAsync(tenantId, input, errors, cancellationToken);
        if (id is not null && !Ids.IsValid(id)) errors.Add("id", "organisation.invalid_id", "識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。");
        errors.ThrowIfAny();
        id ??= Ids.New();
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO organisations (tenant_id, organisation_id, name, type_id, district_id, search_text, created_at) VALUES (@tenantId, @id, @name, @typeId, @districtId, @search, @now)",
                new { tenantId, id, name, typeId, districtId, search = SearchText.Fold(name), now = Clock.Now() });
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(409, "organisation.exists", "同じ識別子の団体が既にあります。");
        }
        return new Organisation(id, name, typeId, districtId);
    }

    /// <summary>Corrects an organisation's name, type or district; the meetings that convened it keep pointing at it.</summary>
    public async Task<Organisation> UpdateAsync(string tenantId, string organisationId, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        await GetAsync(tenantId, organisationId, cancellationToken);
        var errors = new ValidationErrors();
        var (name, typeId, districtId) = await ReadAsync(tenantId, input, errors, cancellationToken);
        errors.ThrowIfAny();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE organisations SET name = @name, type_id = @typeId, district_id = @districtId, search_text = @search WHERE tenant_id = @tenantId AND organisation_id = @organisationId",
            new { tenantId, organisationId, name, typeId, districtId, search = SearchText.Fold(name) });
        return new Organisation(organisationId, name, typeId, districtId);
    }

    private async Task<(string Name, string TypeId, string? DistrictId)> ReadAsync(string tenantId, OrganisationInput input, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        var name = JapaneseText.Clean(input.Name);
        if (name.Length is 0 or > 200) errors.Add("name", "organisation.invalid_name", "団体名を200文字以内で入力してください。");
        errors.RefuseInvisible("name", "団体名", name);
        var typeId = string.IsNullOrWhiteSpace(input.TypeId) ? "other" : input.TypeId.Trim();
        if ((await TypesAsync(tenantId, cancellationToken)).All(t => t.Id != typeId))
            errors.Add("typeId", "organisation.unknown_type", "団体の種別が見つかりません。");
        var districtId = string.IsNullOrWhiteSpace(input.DistrictId) ? null : input.DistrictId.Trim();
        if (districtId is not null && await districts.FindAsync(tenantId, districtId, cancellationToken) is null)
            errors.Add("districtId", "district.not_found", "地区が見つかりません。");
        return (name, typeId, districtId);
    }
}
