using System.Data.Common;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Organisations;
using Platform.Core.Storage;

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
        var (name, reading, title, organisationId) = await ReadDetailsAsync(tenantId, input, errors, cancellationToken);
        var roles = await ReadRolesAsync(tenantId, input.Roles ?? [], errors, cancellationToken);
        if (id is not null && !Ids.IsValid(id)) errors.Add("id", "person.invalid_id", "識別子の形式が正しくありません。");
        errors.ThrowIfAny();

        id ??= Ids.New();
        var person = new Person(id, name, reading, title, organisationId, roles);
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

    /// <summary>Corrects a person's name, reading, title or organisation; their roles are kept as they are.</summary>
    public async Task<Person> UpdateAsync(string tenantId, string personId, PersonInput input, CancellationToken cancellationToken = default)
    {
        var person = await GetAsync(tenantId, personId, cancellationToken);
        var errors = new ValidationErrors();
        var (name, reading, title, organisationId) = await ReadDetailsAsync(tenantId, input, errors, cancellationToken);
        errors.ThrowIfAny();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE people SET name = @name, reading = @reading, title = @title, organisation_id = @organisationId, search_text = @search WHERE tenant_id = @tenantId AND person_id = @personId",
            new { tenantId, personId, name, reading, title, organisationId, search = SearchText.Fold($"{name} {reading}") });
        return person with { Name = name, Reading = reading, Title = title, OrganisationId = organisationId };
    }

    /// <summary>Records when a role ended (a promoter who stepped down at the end of the fiscal year); null reopens it.</summary>
    public async Task<Person> EndRoleAsync(string tenantId, string personId, string roleId, string? until, CancellationToken cancellationToken = default)
    {
        var person = await GetAsync(tenantId, personId, cancellationToken);
        var role = person.Roles.FirstOrDefault(r => r.Id == roleId) ?? throw PlatformException.NotFound("person.role_not_found", "役割");
        var errors = new ValidationErrors();
        var end = ReadPeriod(role.Since is { } s ? Clock.Iso(s) : null, until, "", errors).Until;
        errors.ThrowIfAny();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE person_roles SET until = @until WHERE tenant_id = @tenantId AND person_id = @personId AND role_id = @roleId",
            new { tenantId, personId, roleId, until = end is { } u ? Clock.Iso(u) : null });
        return person with { Roles = person.Roles.Select(r => r.Id == roleId ? r with { Until = end } : r).ToList() };
    }

    private async Task<(string Name, string? Reading, string? Title, string? OrganisationId)> ReadDetailsAsync(string tenantId, PersonInput input,
        ValidationErrors errors, CancellationToken cancellationToken)
    {
        var name = JapaneseText.Clean(input.Name);
        if (name.Length is 0 or > 100) errors.Add("name", "person.invalid_name", "氏名を100文字以内で入力してください。");
        errors.RefuseInvisible("name", "氏名", name);
        var reading = JapaneseText.Normalize(input.Reading);
        if (reading.Length > 0 && !Kana().IsMatch(reading)) errors.Add("reading", "person.invalid_reading", "よみがなは、ひらがなかカタカナで入力してください。");
        var title = JapaneseText.Clean(input.Title);
        if (title.Length > 100) errors.Add("title", "person.invalid_title", "役職は100文字以内で入力してください。");
        errors.RefuseInvisible("title", "役職", title);
        var organisationId = string.IsNullOrWhiteSpace(input.OrganisationId) ? null : input.OrganisationId.Trim();
        if (organisationId is not null && await organisations.FindAsync(tenantId, organisationId, cancellationToken) is null)
            errors.Add("organisationId", "organisation.not_found", "所属団体が見つかりません。");
        return (name, reading.Length == 0 ? null : reading, title.Length == 0 ? null : title, organisationId);
    }

    /// <summary>Gives a person one more role; earlier roles stay, with their periods.</summary>
    public async Task<Person> AddRoleAsync(string tenantId, string personId, PersonRoleInput input, CancellationToken cancellationToken = default)
    {
        var person = await GetAsync(tenantId, personId, cancellationToken);
        var errors = new ValidationErrors();
        var role = await ReadRolesAsync(tenantId, [input], errors, cancellationToken);
        errors.ThrowIfAny();
        await database.InTransactionAsync((connection, transaction) => InsertRoleAsync(connection, transaction, tenantId, personId, role[0]), cancellationToken);
        return person with { Roles = [.. person.Roles, role[0]] };
    }

    private static async Task<int> InsertRoleAsync(DbConnection connection, DbTransaction transaction, string tenantId, string personId, PersonRole role) =>
        await connection.ExecuteAsync(
            "INSERT INTO person_roles (tenant_id, role_id, person_id, role, position, body_id, since, until) VALUES (@tenantId, @Id, @personId, @role, @position, @BodyId, @since, @until)",
            new { tenantId, role.Id, personId, role = role.Role.ToString(), position = role.Position?.ToString(), role.BodyId,
                  since = role.Since is { } s ? Clock.Iso(s) : null, until = role.Until is { } u ? Clock.Iso(u) : null }, transaction);

    private async Task<List<PersonRole>> ReadRolesAsync(string tenantId, List<PersonRoleInput> inputs, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var roles = new List<PersonRole>();
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Role is null) errors.Add($"roles[{i}].role", "person.invalid_role", "役割を選んでください。");
            var (since, until) = ReadPeriod(input.Since, input.Until, $"roles[{i}]", errors);
            var bodyId = string.IsNullOrWhiteSpace(input.BodyId) ? null : input.BodyId.Trim();
            // A role names a body of the same tenant only.
            if (bodyId is not null && await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM bodies WHERE tenant_id = @tenantId AND body_id = @bodyId", new { tenantId, bodyId }) == 0)
                errors.Add($"roles[{i}].bodyId", "body.not_found", "協議体が見つかりません。");
            if (input.Role is { } role) roles.Add(new PersonRole(Ids.New(), role, input.Position, bodyId, since, until));
        }
        return roles;
    }

    private static (DateOnly? Since, DateOnly? Until) ReadPeriod(string? sinceText, string? untilText, string field, ValidationErrors errors)
    {
        DateOnly? since = null, until = null;
        if (!string.IsNullOrWhiteSpace(sinceText) && JapaneseNumber.CheckDigits(sinceText, errors, Key(field, "since"), "開始日"))
            if (JapaneseDate.TryParseDate(sinceText, out var s)) since = s;
            else errors.Add(Key(field, "since"), "person.invalid_date", "開始日が正しい日付ではありません。");
        if (!string.IsNullOrWhiteSpace(untilText) && JapaneseNumber.CheckDigits(untilText, errors, Key(field, "until"), "終了日"))
            if (JapaneseDate.TryParseDate(untilText, out var u)) until = u;
            else errors.Add(Key(field, "until"), "person.invalid_date", "終了日が正しい日付ではありません。");
        if (since > until) errors.Add(Key(field, "until"), "person.period_reversed", "終了日が開始日より前になっています。");
        return (since, until);
    }

    private static string Key(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{IsHiragana}\p{IsKatakana}ー・ 　]+$")]
    private static partial System.Text.RegularExpressions.Regex Kana();
}
