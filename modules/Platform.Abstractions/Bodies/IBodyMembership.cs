using Platform.Abstractions.People;

namespace Platform.Abstractions.Bodies;

/// <summary>A person as a document names them for a body: 東北こども福祉専門学院 副学院長 大坂 純, an advisor.</summary>
/// <param name="Name">Their name as written.</param>
/// <param name="Organisation">Their organisation's name as written, or null.</param>
/// <param name="Title">Their title (役職) as written, or null.</param>
/// <param name="Role">The role they hold in the body.</param>
public sealed record NamedMember(string Name, string? Organisation, string? Title, PersonRoleKind Role);

/// <summary>Who a <see cref="NamedMember"/> turned out to be.</summary>
/// <param name="Name">The name as given.</param>
/// <param name="PersonId">The person, or null when the name could not be recorded (too long, invisible
/// characters).</param>
/// <param name="Created">The person was new to the tenant.</param>
/// <param name="Changed">Their membership (organisation, title or role) changed.</param>
public sealed record LinkedMember(string Name, string? PersonId, bool Created, bool Changed);

/// <summary>
/// A body's members from the names a document gives (a prefecture's 概要 lists its liaison council's advisors and
/// members at each session), so that a person named in several documents is one person.
/// </summary>
public interface IBodyMembership
{
    /// <summary>
    /// Finds each person among the tenant's people by name, glyph variants and spaces aside (高橋 = 髙橋,
    /// <c>NameVariants</c>), preferring one already a member of the body; creates them (with the role in the body)
    /// when there is none, and their organisation when the tenant has none of that name. Makes them a member of the
    /// body, or, when they are one already with another organisation, title or role, updates that membership and the
    /// person's title and organisation instead of adding another. Members later in the list win. A name the rules
    /// refuse is skipped (its <see cref="LinkedMember.PersonId"/> is null); nothing else is refused.
    /// </summary>
    Task<IReadOnlyList<LinkedMember>> LinkAsync(
        string tenantId,
        string bodyId,
        IReadOnlyList<NamedMember> members,
        CancellationToken cancellationToken = default
    );
}
