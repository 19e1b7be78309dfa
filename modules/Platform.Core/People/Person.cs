namespace Platform.Core.People;

/// <summary>
/// Roles a person holds, from the glossary. One person holds several over time (a support promoter who later
/// becomes a tier-2 coordinator), each with its own period and, for advisors, a position such as chair.
/// </summary>
public enum PersonRoleKind
{
    CoordinatorTier1,
    CoordinatorTier2,
    SupportPromoter,
    Advisor,
    LiaisonMember,
    Officer,
    Member,
}

/// <summary>委員長 / 副委員長: the chair and vice-chair among a body's advisors.</summary>
public enum RolePosition
{
    Chair,
    ViceChair,
}

public sealed record PersonRole(string Id, PersonRoleKind Role, RolePosition? Position, string? BodyId, DateOnly? Since, DateOnly? Until);

/// <summary>
/// A person who works in or with the programme: staff, coordinators, advisors, members. Not a resident: residents'
/// personal information is kept elsewhere, under its own rules.
/// </summary>
public sealed record Person(string Id, string Name, string? Reading, string? Title, string? OrganisationId, IReadOnlyList<PersonRole> Roles);

public sealed record PersonInput(string? Name, string? Reading = null, string? Title = null, string? OrganisationId = null, List<PersonRoleInput>? Roles = null);

/// <summary>When a role ended (和暦 accepted); empty reopens it.</summary>
public sealed record RoleEndInput(string? Until);

public sealed record PersonRoleInput(PersonRoleKind? Role, RolePosition? Position = null, string? BodyId = null, string? Since = null, string? Until = null);

public static class PersonRoleNames
{
    public static string Japanese(this PersonRoleKind role) => role switch
    {
        PersonRoleKind.CoordinatorTier1 => "第1層生活支援コーディネーター",
        PersonRoleKind.CoordinatorTier2 => "第2層生活支援コーディネーター",
        PersonRoleKind.SupportPromoter => "地域支え合い推進員",
        PersonRoleKind.Advisor => "アドバイザー（運営委員）",
        PersonRoleKind.LiaisonMember => "連絡会議会員",
        PersonRoleKind.Officer => "主事",
        _ => "委員",
    };

    public static string Japanese(this RolePosition position) => position == RolePosition.Chair ? "委員長" : "副委員長";
}
