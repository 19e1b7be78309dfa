using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Organisations;

/// <summary>Organisations and the tenant's own organisation types, persisted as <see cref="OrganisationRules"/> made
/// them.</summary>
public sealed class OrganisationStore(Database database)
{
    private const string Columns = """
        organisation_id AS Id, name AS Name, type_id AS TypeId, district_id AS DistrictId,
        contact_phone AS Phone, contact_email AS Email, contact_address AS Address, contact_person AS Person
        """;

    private const string SelectTypes = """
        SELECT type_id AS Id, name AS Name FROM organisation_types WHERE tenant_id = @tenantId ORDER BY sort_order
        """;

    private const string InsertType = """
        INSERT INTO organisation_types (tenant_id, type_id, name, sort_order)
        VALUES (@tenantId, @Id, @Name, (SELECT COUNT(*) FROM organisation_types WHERE tenant_id = @tenantId))
        """;

    private const string SelectByDistrict = $"""
        SELECT {Columns} FROM organisations
        WHERE tenant_id = @tenantId AND (@districtId IS NULL OR district_id = @districtId)
        ORDER BY name
        """;

    private const string SelectOne = $"""
        SELECT {Columns} FROM organisations WHERE tenant_id = @tenantId AND organisation_id = @organisationId
        """;

    private const string Insert = """
        INSERT INTO organisations (tenant_id, organisation_id, name, type_id, district_id, search_text, created_at,
                                   contact_phone, contact_email, contact_address, contact_person)
        VALUES (@tenantId, @Id, @Name, @TypeId, @DistrictId, @search, @now, @phone, @email, @address, @person)
        """;

    private const string Update = """
        UPDATE organisations
        SET name = @Name, type_id = @TypeId, district_id = @DistrictId, search_text = @search,
            contact_phone = @phone, contact_email = @email, contact_address = @address, contact_person = @person
        WHERE tenant_id = @tenantId AND organisation_id = @Id
        """;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string TypeId { get; init; } = "";
        public string? DistrictId { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public string? Address { get; init; }
        public string? Person { get; init; }

        public Organisation ToOrganisation() =>
            new(Id, Name, TypeId, DistrictId)
            {
                Contact = (Phone ?? Email ?? Address ?? Person) is null
                    ? null
                    : new OrganisationContact(Phone, Email, Address, Person),
            };
    }

    private sealed class TypeRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
    }

    public async Task<IReadOnlyList<OrganisationType>> TypesAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync<TypeRow>(SelectTypes, new { tenantId });
        return [.. OrganisationTypes.BuiltIn, .. own.Select(t => new OrganisationType(t.Id, t.Name, false))];
    }

    public async Task CreateTypeAsync(
        string tenantId,
        OrganisationType type,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            InsertType,
            new
            {
                tenantId,
                type.Id,
                type.Name,
            }
        );
    }

    public async Task<IReadOnlyList<Organisation>> ListAsync(
        string tenantId,
        string? districtId = null,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(SelectByDistrict, new { tenantId, districtId });
        return rows.Select(r => r.ToOrganisation()).ToList();
    }

    public async Task<Organisation?> FindAsync(
        string tenantId,
        string organisationId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r = await connection.QuerySingleOrDefaultAsync<Row>(SelectOne, new { tenantId, organisationId });
        return r?.ToOrganisation();
    }

    public async Task<Organisation> GetAsync(
        string tenantId,
        string organisationId,
        CancellationToken cancellationToken = default
    ) =>
        await FindAsync(tenantId, organisationId, cancellationToken)
        ?? throw PlatformException.NotFound("organisation.not_found", "団体");

    /// <summary>The ids among <paramref name="ids"/> that are not organisations of the tenant.</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(
        string tenantId,
        IEnumerable<string> ids,
        CancellationToken cancellationToken = default
    )
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var known = (await ListAsync(tenantId, cancellationToken: cancellationToken)).Select(o => o.Id).ToHashSet();
        return wanted.Where(id => !known.Contains(id)).ToList();
    }

    /// <summary>Writes a new organisation; an id already taken is refused with 409.</summary>
    public async Task CreateAsync(
        string tenantId,
        Organisation organisation,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(Insert, Parameters(tenantId, organisation));
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            throw new PlatformException(409, "organisation.exists", "同じ識別子の団体が既にあります。");
        }
    }

    public async Task UpdateAsync(
        string tenantId,
        Organisation organisation,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Update, Parameters(tenantId, organisation));
    }

    private static object Parameters(string tenantId, Organisation o) =>
        new
        {
            tenantId,
            o.Id,
            o.Name,
            o.TypeId,
            o.DistrictId,
            search = SearchText.Fold(o.Name),
            now = Clock.Now(),
            phone = o.Contact?.Phone,
            email = o.Contact?.Email,
            address = o.Contact?.Address,
            person = o.Contact?.Person,
        };
}
