using Platform.Abstractions.Errors;
using Platform.Core.Bodies;
using Platform.Core.Organisations;

namespace Platform.Core.People;

/// <summary>
/// The one place where a <see cref="PersonInput"/>, a <see cref="PersonRoleInput"/> or a role's end is checked: the
/// API and the seed loader come here before <see cref="PersonStore"/> writes.
/// </summary>
public sealed partial class PersonRules(PersonStore people, OrganisationStore organisations, BodyStore bodies)
{
    /// <summary>
    /// The person <paramref name="input"/> describes under <paramref name="id"/>, or every failing field. A correction
    /// (<paramref name="current"/> given) keeps the person's roles as they are.
    /// </summary>
    public async Task<(Person? Person, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        string id,
        PersonInput input,
        Person? current,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var name = JapaneseText.Clean(input.Name);
        if (name.Length is 0 or > 100)
            errors.Add("name", "person.invalid_name", "氏名を100文字以内で入力してください。");
        errors.RefuseInvisible("name", "氏名", name);
        var reading = JapaneseText.Normalize(input.Reading);
        if (reading.Length > 0 && !Kana().IsMatch(reading))
            errors.Add("reading", "person.invalid_reading", "よみがなは、ひらがなかカタカナで入力してください。");
        var title = JapaneseText.Clean(input.Title);
        if (title.Length > 100)
            errors.Add("title", "person.invalid_title", "役職は100文字以内で入力してください。");
        errors.RefuseInvisible("title", "役職", title);
        var organisationId = string.IsNullOrWhiteSpace(input.OrganisationId) ? null : input.OrganisationId.Trim();
        if (
            organisationId is not null
            && await organisations.FindAsync(tenantId, organisationId, cancellationToken) is null
        )
            errors.Add("organisationId", "organisation.not_found", "所属団体が見つかりません。");
        var roles = current is null ? await ReadRolesAsync(tenantId, input.Roles ?? [], errors, cancellationToken) : [];
        if (!Ids.IsValid(id))
            errors.Add("id", "person.invalid_id", "識別子の形式が正しくありません。");
        if (errors.Any)
            return (null, errors);
        return (
            new Person(
                id,
                name,
                reading.Length == 0 ? null : reading,
                title.Length == 0 ? null : title,
                organisationId,
                current?.Roles ?? roles
            ),
            errors
        );
    }

    /// <summary>One more role for a person, or every failing field (named as the first of a person's roles).</summary>
    public async Task<(PersonRole? Role, ValidationErrors Refusal)> CheckRoleAsync(
        string tenantId,
        PersonRoleInput input,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var roles = await ReadRolesAsync(tenantId, [input], errors, cancellationToken);
        return errors.Any ? (null, errors) : (roles[0], errors);
    }

    /// <summary>
    /// When <paramref name="role"/> ended (null reopens it), or the refusal of <paramref name="until"/>.
    /// </summary>
    public static (DateOnly? Until, ValidationErrors Refusal) CheckEnd(PersonRole role, string? until)
    {
        var errors = new ValidationErrors();
        var end = ReadPeriod(role.Since is { } s ? Clock.Iso(s) : null, until, "", errors).Until;
        return (end, errors);
    }

    /// <summary>Checks and writes a new person; a refusal is thrown (for callers outside a request handler).</summary>
    public async Task<Person> CreateAsync(
        string tenantId,
        PersonInput input,
        string? id = null,
        CancellationToken cancellationToken = default
    )
    {
        var (person, refusal) = await CheckAsync(tenantId, id ?? Ids.New(), input, current: null, cancellationToken);
        refusal.ThrowIfAny();
        await people.CreateAsync(tenantId, person!, cancellationToken);
        return person!;
    }

    private async Task<List<PersonRole>> ReadRolesAsync(
        string tenantId,
        List<PersonRoleInput> inputs,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        var roles = new List<PersonRole>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Role is null)
                errors.Add($"roles[{i}].role", "person.invalid_role", "役割を選んでください。");
            var (since, until) = ReadPeriod(input.Since, input.Until, $"roles[{i}]", errors);
            var bodyId = string.IsNullOrWhiteSpace(input.BodyId) ? null : input.BodyId.Trim();
            // A role names a body of the same tenant only.
            if (bodyId is not null && await bodies.FindAsync(tenantId, bodyId, cancellationToken) is null)
                errors.Add($"roles[{i}].bodyId", "body.not_found", "協議体が見つかりません。");
            if (input.Role is { } role)
                roles.Add(new PersonRole(Ids.New(), role, input.Position, bodyId, since, until));
        }
        return roles;
    }

    private static (DateOnly? Since, DateOnly? Until) ReadPeriod(
        string? sinceText,
        string? untilText,
        string field,
        ValidationErrors errors
    )
    {
        DateOnly? since = null,
            until = null;
        if (
            !string.IsNullOrWhiteSpace(sinceText)
            && JapaneseNumber.CheckDigits(sinceText, errors, Key(field, "since"), "開始日")
        )
            if (JapaneseDate.TryParseDate(sinceText, out var s))
                since = s;
            else
                errors.Add(Key(field, "since"), "person.invalid_date", "開始日が正しい日付ではありません。");
        if (
            !string.IsNullOrWhiteSpace(untilText)
            && JapaneseNumber.CheckDigits(untilText, errors, Key(field, "until"), "終了日")
        )
            if (JapaneseDate.TryParseDate(untilText, out var u))
                until = u;
            else
                errors.Add(Key(field, "until"), "person.invalid_date", "終了日が正しい日付ではありません。");
        if (since > until)
            errors.Add(Key(field, "until"), "person.period_reversed", "終了日が開始日より前になっています。");
        return (since, until);
    }

    private static string Key(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{IsHiragana}\p{IsKatakana}ー・ 　]+$")]
    private static partial System.Text.RegularExpressions.Regex Kana();
}
