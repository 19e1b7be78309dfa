using System.Text.Json;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Districts;
using Platform.Core.Organisations;
using Platform.Core.People;
using Platform.Core.Storage;

namespace Platform.Core.Bodies;

/// <summary>Consultative bodies. A body's lists (charter, members, scope, counted bodies) are one JSON document, written with it.</summary>
public sealed class BodyStore(Database database, DistrictStore districts, OrganisationStore organisations, PersonStore people)
{
    private const string Columns = "body_id AS Id, name AS Name, kind AS Kind, tier AS Tier, territory AS Territory, district_id AS DistrictId, host_organisation_id AS HostOrganisationId, status AS Status, details AS Details";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Details(CadencePolicy Cadence, Charter Charter, List<BodyMember> Members, List<string> DefaultScope, List<string> CountedBodyIds);

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

        public Body ToBody()
        {
            var d = JsonSerializer.Deserialize<Details>(Details, Json)!;
            return new Body(Id, Name, Kind, Tier, Enum.Parse<Territory>(Territory), DistrictId, HostOrganisationId, Enum.Parse<BodyStatus>(Status),
                d.Cadence, d.Charter, d.Members, d.DefaultScope, d.CountedBodyIds);
        }
    }

    public async Task<IReadOnlyList<Body>> ListAsync(string tenantId, string? districtId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM bodies WHERE tenant_id = @tenantId AND (@districtId IS NULL OR district_id = @districtId) ORDER BY tier, name",
            new { tenantId, districtId });
        return rows.Select(r => r.ToBody()).ToList();
    }

    public async Task<Body?> FindAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM bodies WHERE tenant_id = @tenantId AND body_id = @bodyId", new { tenantId, bodyId });
        return row?.ToBody();
    }

    public async Task<Body> GetAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, bodyId, cancellationToken) ?? throw PlatformException.NotFound("body.not_found", "協議体");

    public async Task<Body> CreateAsync(string tenantId, BodyInput input, string? id = null, CancellationToken cancellationToken = default)
    {
        if (id is not null && !Ids.IsValid(id))
            new ValidationErrors().Add("id", "body.invalid_id", "識別子の形式が正しくありません。").ThrowIfAny();
        var body = await ValidateAsync(tenantId, id ?? Ids.New(), input, current: null, cancellationToken);
        var now = Clock.Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO bodies (tenant_id, body_id, name, kind, tier, territory, district_id, host_organisation_id, status, details, created_at, updated_at) " +
                "VALUES (@tenantId, @Id, @Name, @Kind, @Tier, @territory, @DistrictId, @HostOrganisationId, @status, @details, @now, @now)",
                Parameters(tenantId, body, now));
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(409, "body.exists", "同じ識別子の協議体が既にあります。");
        }
        return body;
    }

    public async Task<Body> UpdateAsync(string tenantId, string bodyId, BodyInput input, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(tenantId, bodyId, cancellationToken);
        var body = await ValidateAsync(tenantId, bodyId, input, current, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE bodies SET name = @Name, kind = @Kind, tier = @Tier, territory = @territory, district_id = @DistrictId, host_organisation_id = @HostOrganisationId, " +
            "status = @status, details = @details, updated_at = @now WHERE tenant_id = @tenantId AND body_id = @Id",
            Parameters(tenantId, body, Clock.Now()));
        return body;
    }

    private static object Parameters(string tenantId, Body body, string now) => new
    {
        tenantId, body.Id, body.Name, body.Kind, body.Tier, territory = body.Territory.ToString(), body.DistrictId, body.HostOrganisationId,
        status = body.Status.ToString(), now,
        details = JsonSerializer.Serialize(new Details(body.Cadence, body.Charter, [.. body.Members], [.. body.DefaultScope], [.. body.CountedBodyIds]), Json),
    };

    private async Task<Body> ValidateAsync(string tenantId, string id, BodyInput input, Body? current, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = JapaneseText.Clean(input.Name ?? current?.Name);
        if (name.Length is 0 or > 200) errors.Add("name", "body.invalid_name", "協議体の名称を200文字以内で入力してください。");
        errors.RefuseInvisible("name", "協議体の名称", name);
        var tier = input.Tier ?? current?.Tier ?? 2;
        if (tier is < 1 or > 3) errors.Add("tier", "body.invalid_tier", "層は1〜3で指定してください。");
        var territory = input.Territory ?? current?.Territory ?? Territory.District;
        var districtId = Blank(input.DistrictId) ?? (input.Territory is null ? current?.DistrictId : null);
        if (territory == Territory.Tenant && districtId is not null)
            errors.Add("districtId", "body.district_not_allowed", "市町村全域の協議体には地区を指定しません。");
        if (territory != Territory.Tenant)
        {
            var district = districtId is null ? null : await districts.FindAsync(tenantId, districtId, cancellationToken);
            if (district is null) errors.Add("districtId", "district.not_found", "協議体の地区（圏域）を指定してください。");
        }
        var hostId = Blank(input.HostOrganisationId) ?? current?.HostOrganisationId;
        var members = input.Members ?? [.. current?.Members ?? []];
        var scope = (input.DefaultScope ?? [.. current?.DefaultScope ?? []]).Distinct().ToList();
        var organisationIds = members.Select(m => m.OrganisationId).OfType<string>().Concat(scope).Concat(hostId is null ? [] : [hostId]);
        foreach (var unknown in await organisations.UnknownAsync(tenantId, organisationIds, cancellationToken))
            errors.Add(unknown == hostId ? "hostOrganisationId" : scope.Contains(unknown) ? "defaultScope" : "members", "organisation.not_found", $"団体「{unknown}」が見つかりません。");
        if (members.Any(m => m.OrganisationId is null && m.PersonId is null))
            errors.Add("members", "body.empty_member", "構成員には団体か人を指定してください。");
        var personIds = members.Select(m => m.PersonId).OfType<string>().ToHashSet();
        if (personIds.Count > 0)
        {
            var known = (await people.ListAsync(tenantId, cancellationToken: cancellationToken)).Select(p => p.Id).ToHashSet();
            foreach (var unknown in personIds.Where(p => !known.Contains(p)))
                errors.Add("members", "person.not_found", $"人「{unknown}」が見つかりません。");
        }
        var cadence = input.Cadence ?? current?.Cadence ?? new CadencePolicy();
        if (cadence.AtLeast is < 0 or > 52 || cadence.AtMost is < 1 or > 52)
            errors.Add("cadence", "body.invalid_cadence", "年度あたりの開催回数は0〜52回で指定してください。");
        else if (cadence.AtLeast > cadence.AtMost)
            errors.Add("cadence", "body.invalid_cadence", "開催回数の下限が上限を超えています。");
        var counted = (input.CountedBodyIds ?? [.. current?.CountedBodyIds ?? []]).Distinct().ToList();
        if (counted.Contains(id)) errors.Add("countedBodyIds", "body.counts_itself", "協議体自身を指定することはできません。");
        else if (counted.Count > 0)
        {
            var known = (await ListAsync(tenantId, cancellationToken: cancellationToken)).Select(b => b.Id).ToHashSet();
            foreach (var unknown in counted.Where(b => !known.Contains(b)))
                errors.Add("countedBodyIds", "body.not_found", $"協議体「{unknown}」が見つかりません。");
        }
        var charter = Normalize(input.Charter ?? current?.Charter ?? new Charter());
        if (new[] { charter.Why, charter.What, charter.Who, charter.Where, charter.When, charter.How }.Any(t => t?.Length > 2000))
            errors.Add("charter", "body.charter_too_long", "5W1Hの各項目は2000文字以内で入力してください。");
        errors.ThrowIfAny();
        return new Body(id, name, Blank(input.Kind) ?? current?.Kind, tier, territory, territory == Territory.Tenant ? null : districtId, hostId,
            input.Status ?? current?.Status ?? BodyStatus.Active, cadence, charter, members, scope, counted);
    }

    private static Charter Normalize(Charter c) => new(Text(c.Why), Text(c.What), Text(c.Who), Text(c.Where), Text(c.When), Text(c.How));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
