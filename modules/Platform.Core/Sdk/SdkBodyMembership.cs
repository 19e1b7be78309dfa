using Platform.Abstractions.Errors;
using Platform.Core.Bodies;
using Platform.Core.Organisations;
using Platform.Core.People;

namespace Platform.Core.Sdk;

/// <summary>A body's members found or created from the names a document gives (see <see cref="IBodyMembership"/>),
/// through the same rules as the people, organisation and body APIs.</summary>
public sealed class SdkBodyMembership(
    BodyStore bodies,
    BodyRules bodyRules,
    PersonStore people,
    PersonRules personRules,
    OrganisationStore organisations,
    OrganisationRules organisationRules
) : IBodyMembership
{
    public async Task<IReadOnlyList<LinkedMember>> LinkAsync(
        string tenantId,
        string bodyId,
        IReadOnlyList<NamedMember> members,
        CancellationToken cancellationToken = default
    )
    {
        var body = await bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var known = (await people.ListAsync(tenantId, cancellationToken: cancellationToken)).ToList();
        var orgs = (await organisations.ListAsync(tenantId, cancellationToken: cancellationToken)).ToList();
        var list = body.Members.ToList();
        var linked = new List<LinkedMember>();
        foreach (var m in members)
        {
            var name = JapaneseText.Clean(m.Name);
            var key = Fold(name);
            var title = JapaneseText.Clean(m.Title) is { Length: > 0 } t ? t : null;
            var organisationId = await OrganisationAsync(tenantId, m.Organisation, orgs, cancellationToken);
            var candidates = known.Where(p => Fold(p.Name) == key).ToList();
            // Two people of one folded name: the one the body already has is the one meant.
            var person =
                candidates.FirstOrDefault(p => list.Any(x => x.PersonId == p.Id)) ?? candidates.FirstOrDefault();
            var created = false;
            try
            {
                if (key.Length == 0)
                    throw new PlatformException(400, "person.invalid_name", "氏名がありません。");
                if (person is null)
                {
                    person = await personRules.CreateAsync(
                        tenantId,
                        new PersonInput(
                            name,
                            Title: title,
                            OrganisationId: organisationId,
                            Roles: [new(m.Role, BodyId: bodyId)]
                        ),
                        cancellationToken: cancellationToken
                    );
                    known.Add(person);
                    created = true;
                }
                else
                    person = await UpdatePersonAsync(
                        tenantId,
                        bodyId,
                        person,
                        m.Role,
                        title,
                        organisationId,
                        known,
                        cancellationToken
                    );
            }
            catch (PlatformException)
            {
                // A name or title the rules refuse (too long, invisible characters) is left out, not the document.
                linked.Add(new LinkedMember(m.Name, null, false, false));
                continue;
            }
            var member = new BodyMember(organisationId, person.Id, m.Role.Japanese()) { Title = title };
            var index = list.FindIndex(x => x.PersonId == person.Id);
            var changed = index >= 0 && list[index] != member;
            if (index < 0)
                list.Add(member);
            else
                list[index] = member;
            linked.Add(new LinkedMember(m.Name, person.Id, created, changed));
        }
        if (!list.SequenceEqual(body.Members))
            await bodyRules.UpdateAsync(tenantId, bodyId, new BodyInput(Members: list), cancellationToken);
        return linked;
    }

    /// <summary>The person with the title and organisation the document gives, and the role in the body if they
    /// hold none of that kind there yet.</summary>
    private async Task<Person> UpdatePersonAsync(
        string tenantId,
        string bodyId,
        Person person,
        PersonRoleKind role,
        string? title,
        string? organisationId,
        List<Person> known,
        CancellationToken cancellationToken
    )
    {
        if (person.Title != title || person.OrganisationId != organisationId)
        {
            var (changed, refusal) = await personRules.CheckAsync(
                tenantId,
                person.Id,
                new PersonInput(person.Name, person.Reading, title, organisationId),
                person,
                cancellationToken
            );
            refusal.ThrowIfAny();
            await people.UpdateAsync(tenantId, changed!, cancellationToken);
            person = changed!;
        }
        // A role without a body (an advisor recorded before the body was) counts as the body's.
        if (!person.Roles.Any(r => r.Role == role && (r.BodyId == bodyId || r.BodyId is null) && r.Until is null))
        {
            var added = new PersonRole(Ids.New(), role, null, bodyId, null, null);
            await people.AddRoleAsync(tenantId, person.Id, added, cancellationToken);
            person = person with { Roles = [.. person.Roles, added] };
        }
        known[known.FindIndex(p => p.Id == person.Id)] = person;
        return person;
    }

    /// <summary>The organisation of that name (glyph variants and spaces aside), registered when new.</summary>
    private async Task<string?> OrganisationAsync(
        string tenantId,
        string? given,
        List<Organisation> orgs,
        CancellationToken cancellationToken
    )
    {
        var name = JapaneseText.Clean(given);
        if (name.Length == 0)
            return null;
        if (orgs.FirstOrDefault(o => Fold(o.Name) == Fold(name)) is { } found)
            return found.Id;
        try
        {
            var created = await organisationRules.CreateAsync(
                tenantId,
                new OrganisationInput(name, "other"),
                cancellationToken: cancellationToken
            );
            orgs.Add(created);
            return created.Id;
        }
        catch (PlatformException)
        {
            return null;
        }
    }

    private static string Fold(string? name) => SearchText.Fold(name).Replace(" ", "", StringComparison.Ordinal);
}
