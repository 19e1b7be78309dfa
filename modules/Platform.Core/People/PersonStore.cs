using System.Data.Common;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.People;

/// <summary>People and the roles they held, persisted as <see cref="PersonRules"/> made them.</summary>
public sealed class PersonStore(Database database)
{
    private const string SelectPeople = """
        SELECT person_id AS Id, name AS Name, reading AS Reading, title AS Title, organisation_id AS OrganisationId
        FROM people
        WHERE tenant_id = @tenantId AND (@organisationId IS NULL OR organisation_id = @organisationId)
        ORDER BY reading, name
        """;

    private const string SelectRoles = """
        SELECT role_id AS Id, person_id AS PersonId, role AS Role, position AS Position, body_id AS BodyId,
               since AS Since, until AS Until
        FROM person_roles WHERE tenant_id = @tenantId ORDER BY since
        """;

    private const string Insert = """
        INSERT INTO people (tenant_id, person_id, name, reading, title, organisation_id, search_text, created_at)
        VALUES (@tenantId, @Id, @Name, @Reading, @Title, @OrganisationId, @search, @now)
        """;

    private const string Update = """
        UPDATE people
        SET name = @Name, reading = @Reading, title = @Title, organisation_id = @OrganisationId, search_text = @search
        WHERE tenant_id = @tenantId AND person_id = @Id
        """;

    private const string InsertRole = """
        INSERT INTO person_roles (tenant_id, role_id, person_id, role, position, body_id, since, until)
        VALUES (@tenantId, @Id, @personId, @role, @position, @BodyId, @since, @until)
        """;

    private const string UpdateRoleEnd = """
        UPDATE person_roles SET until = @until
        WHERE tenant_id = @tenantId AND person_id = @personId AND role_id = @roleId
        """;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Reading { get; init; }
        public string? Title { get; init; }
        public string? OrganisationId { get; init; }
    }

    private sealed class RoleRow
    {
        public string Id { get; init; } = "";
        public string PersonId { get; init; } = "";
        public string Role { get; init; } = "";
        public string? Position { get; init; }
        public string? BodyId { get; init; }
        public string? Since { get; init; }
        public string? Until { get; init; }

        public PersonRole ToRole() =>
            new(
                Id,
                Enum.Parse<PersonRoleKind>(Role),
                Position is null ? null : Enum.Parse<RolePosition>(Position),
                BodyId,
                Clock.ParseIso(Since),
                Clock.ParseIso(Until)
            );
    }

    public async Task<IReadOnlyList<Person>> ListAsync(
        string tenantId,
        string? organisationId = null,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var people = await connection.QueryAsync<Row>(SelectPeople, new { tenantId, organisationId });
        var roles = (await connection.QueryAsync<RoleRow>(SelectRoles, new { tenantId })).ToLookup(r => r.PersonId);
        return people
            .Select(p => new Person(
                p.Id,
                p.Name,
                p.Reading,
                p.Title,
                p.OrganisationId,
                roles[p.Id].Select(r => r.ToRole()).ToList()
            ))
            .ToList();
    }

    public async Task<Person> GetAsync(
        string tenantId,
        string personId,
        CancellationToken cancellationToken = default
    ) =>
        (await ListAsync(tenantId, cancellationToken: cancellationToken)).FirstOrDefault(p => p.Id == personId)
        ?? throw PlatformException.NotFound("person.not_found", "人");

    /// <summary>Writes a new person with their roles, in one transaction.</summary>
    public Task CreateAsync(string tenantId, Person person, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(Insert, Parameters(tenantId, person), transaction);
                foreach (var role in person.Roles)
                    await InsertRoleAsync(connection, transaction, tenantId, person.Id, role);
                return 0;
            },
            cancellationToken
        );

    /// <summary>Writes a person's name, reading, title and organisation; their roles are kept as they are.</summary>
    public async Task UpdateAsync(string tenantId, Person person, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Update, Parameters(tenantId, person));
    }

    /// <summary>Records when a role ended (a promoter who stepped down at the end of the fiscal year); null reopens
    /// it.</summary>
    public async Task EndRoleAsync(
        string tenantId,
        string personId,
        string roleId,
        DateOnly? until,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            UpdateRoleEnd,
            new
            {
                tenantId,
                personId,
                roleId,
                until = until is { } u ? Clock.Iso(u) : null,
            }
        );
    }

    /// <summary>Gives a person one more role; earlier roles stay, with their periods.</summary>
    public Task AddRoleAsync(
        string tenantId,
        string personId,
        PersonRole role,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            (connection, transaction) => InsertRoleAsync(connection, transaction, tenantId, personId, role),
            cancellationToken
        );

    private static object Parameters(string tenantId, Person p) =>
        new
        {
            tenantId,
            p.Id,
            p.Name,
            p.Reading,
            p.Title,
            p.OrganisationId,
            search = SearchText.Fold($"{p.Name} {p.Reading}"),
            now = Clock.Now(),
        };

    private static async Task<int> InsertRoleAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        string personId,
        PersonRole role
    ) =>
        await connection.ExecuteAsync(
            InsertRole,
            new
            {
                tenantId,
                role.Id,
                personId,
                role = role.Role.ToString(),
                position = role.Position?.ToString(),
                role.BodyId,
                since = role.Since is { } s ? Clock.Iso(s) : null,
                until = role.Until is { } u ? Clock.Iso(u) : null,
            },
            transaction
        );
}
