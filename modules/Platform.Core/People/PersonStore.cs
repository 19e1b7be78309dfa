using System.Data.Common;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Calendar;
using Platform.Core.Organisations;
using Platform.Core.Storage;
using Platform.Core.Text;

namespace Platform.Core.People;

public sealed partial class PersonStore(Database database, OrganisationStore organisations)
{
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

        public PersonRole ToRole() => new(Id, Enum.Parse<PersonRoleKind>(Role), Position is null ? null : Enum.Parse<RolePosition>(Position),
            BodyId, Clock.ParseIso(Since), Clock.ParseIso(Until));
    }

    public async Task<IReadOnlyList<Person>> ListAsync(string tenantId, string? organisationId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var people = await connection.QueryAsync<Row>(
            "SELECT person_id AS Id, name AS Name, reading AS Reading, title AS Title, organisation_id AS OrganisationId FROM people WHERE tenant_id = @tenantId AND (@organisationId IS NULL OR organisation_id = @organisationId) ORDER BY reading, name",
            new { tenantId, organisationId });
        var roles = (await connection.QueryAsync<RoleRow>(
            "SELECT role_id AS Id, person_id AS PersonId, role AS Role, position AS Position, body_id AS BodyId, since AS Since, until AS Until FROM person_roles WHERE tenant_id = @tenantId ORDER BY since",
            new { tenantId })).ToLookup(r => r.PersonId);
        return people.Select(p => new Person(p.Id, p.Name, p.Reading, p.Title, p.OrganisationId, roles[p.Id].Select(r => r.ToRole()).ToList())).ToList();
    }

    public async Task<Person> GetAsync(string tenantId, string personId, CancellationToken cancellationToken = default) =>
        (await ListAsync(tenantId, cancellationToken: cancellationToken)).FirstOrDefault(p => p.Id == personId)
        ?? throw PlatformException.NotFound("person.not_found", "人");

    public async Task<Person> CreateAsync(string tenantId, PersonInput input, string? id = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var name = JapaneseText.Clean(input.Name);
        if (name.Length is 0 or > 100) errors.Add("name", "person.invalid_name", "氏名を100文字以内で入力してください。");
        var reading = JapaneseText.Normalize(input.Reading);
        if (reading.Length > 0 && !Kana().IsMatch(reading)) errors.Add("reading", "person.invalid_reading", "よみがなは、ひらがなかカタカナで入力してください。");
        var title = JapaneseText.Clean(input.Title);
        if (title.Length > 100) errors.Add("title", "person.invalid_title", "役職は100文字以内で入力してください。");
        var organisationId = string.IsNullOrWhiteSpace(input.OrganisationId) ? null : input.OrganisationId.Trim();
        if (organisationId is not null && await organisations.FindAsync(tenantId, organisationId, cancellationToken) is null)
            errors.Add("organisationId", "organisation.not_found", "所属団体が見つかりません。");
        var roles = ReadRoles(input.Roles ?? [], errors);
        if (id is not null && !Ids.IsValid(id)) errors.Add("id", "person.invalid_id", "識別子の形式が正しくありません。");
        errors.ThrowIfAny();

        id ??= Ids.New();
        var person = new Person(id, name, reading.Length == 0 ? null : reading, title.Length == 0 ? null : title, organisationId, roles);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "INSERT INTO people (tenant_id, person_id, name, reading, title, organisation_id, search_text, created_at) VALUES (@tenantId, @Id, @Name, @Reading, @Title, @OrganisationId, @search, @now)",
                new { tenantId, person.Id, person.Name, person.Reading, person.Title, person.OrganisationId, search = SearchText.Fold($"{name} {reading}"), now = Clock.Now() }, transaction);
            foreach (var role in roles) await InsertRoleAsync(connection, transaction, tenantId, id, role);
            return 0;
        }, cancellationToken);
        return person;
    }

    /// <summary>Gives a person one more role; earlier roles stay, with their periods.</summary>
    public async Task<Person> AddRoleAsync(string tenantId, string personId, PersonRoleInput input, CancellationToken cancellationToken = default)
    {
        var person = await GetAsync(tenantId, personId, cancellationToken);
        var errors = new ValidationErrors();
        var role = ReadRoles([input], errors);
        errors.ThrowIfAny();
        await database.InTransactionAsync((connection, transaction) => InsertRoleAsync(connection, transaction, tenantId, personId, role[0]), cancellationToken);
        return person with { Roles = [.. person.Roles, role[0]] };
    }

    private static async Task<int> InsertRoleAsync(DbConnection connection, DbTransaction transaction, string tenantId, string personId, PersonRole role) =>
        await connection.ExecuteAsync(
            "INSERT INTO person_roles (tenant_id, role_id, person_id, role, position, body_id, since, until) VALUES (@tenantId, @Id, @personId, @role, @position, @BodyId, @since, @until)",
            new { tenantId, role.Id, personId, role = role.Role.ToString(), position = role.Position?.ToString(), role.BodyId,
                  since = role.Since is { } s ? Clock.Iso(s) : null, until = role.Until is { } u ? Clock.Iso(u) : null }, transaction);

    private static List<PersonRole> ReadRoles(List<PersonRoleInput> inputs, ValidationErrors errors)
    {
        var roles = new List<PersonRole>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Role is null) errors.Add($"roles[{i}].role", "person.invalid_role", "役割を選んでください。");
            DateOnly? since = null, until = null;
            if (!string.IsNullOrWhiteSpace(input.Since))
                if (JapaneseDate.TryParseDate(input.Since, out var s)) since = s;
                else errors.Add($"roles[{i}].since", "person.invalid_date", "開始日が正しい日付ではありません。");
            if (!string.IsNullOrWhiteSpace(input.Until))
                if (JapaneseDate.TryParseDate(input.Until, out var u)) until = u;
                else errors.Add($"roles[{i}].until", "person.invalid_date", "終了日が正しい日付ではありません。");
            if (since > until) errors.Add($"roles[{i}].until", "person.period_reversed", "終了日が開始日より前になっています。");
            if (input.Role is { } role)
                roles.Add(new PersonRole(Ids.New(), role, input.Position, string.IsNullOrWhiteSpace(input.BodyId) ? null : input.BodyId, since, until));
        }
        return roles;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{IsHiragana}\p{IsKatakana}ー・ 　]+$")]
    private static partial System.Text.RegularExpressions.Regex Kana();
}
