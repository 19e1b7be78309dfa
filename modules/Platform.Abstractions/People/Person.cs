namespace Platform.Abstractions.People;

/// <summary>
/// Roles a person holds, from the glossary. One person holds several over time (a support promoter who later
/// becomes a tier-2 coordinator), each with its own period and, for advisors, a position such as chair.
/// </summary>
public enum PersonRoleKind
{
    /// <summary>第1層生活支援コーディネーター.</summary>
    CoordinatorTier1,

    /// <summary>第2層生活支援コーディネーター.</summary>
    CoordinatorTier2,

    /// <summary>地域支え合い推進員.</summary>
    SupportPromoter,

    /// <summary>アドバイザー（運営委員）.</summary>
    Advisor,

    /// <summary>連絡会議会員.</summary>
    LiaisonMember,

    /// <summary>主事.</summary>
    Officer,

    /// <summary>委員.</summary>
    Member,
}

/// <summary>委員長 / 副委員長: the chair and vice-chair among a body's advisors.</summary>
public enum RolePosition
{
    /// <summary>委員長.</summary>
    Chair,

    /// <summary>副委員長.</summary>
    ViceChair,
}

/// <summary>A role a person holds, for a period, possibly in one body and with a position.</summary>
public sealed record PersonRole(
    string Id,
    PersonRoleKind Role,
    RolePosition? Position,
    string? BodyId,
    DateOnly? Since,
    DateOnly? Until
);

/// <summary>
/// A person who works in or with the programme: staff, coordinators, advisors, members. Not a resident: residents'
/// personal information is kept elsewhere, under its own rules.
/// </summary>
public sealed record Person(
    string Id,
    string Name,
    string? Reading,
    string? Title,
    string? OrganisationId,
    IReadOnlyList<PersonRole> Roles
);

/// <summary>A person as the API receives them.</summary>
public sealed record PersonInput(
    string? Name,
    string? Reading = null,
    string? Title = null,
    string? OrganisationId = null,
    List<PersonRoleInput>? Roles = null
);

/// <summary>When a role ended (和暦 accepted); empty reopens it.</summary>
public sealed record RoleEndInput(string? Until);

/// <summary>A role as the API receives it; dates as text (和暦 accepted).</summary>
public sealed record PersonRoleInput(
    PersonRoleKind? Role,
    RolePosition? Position = null,
    string? BodyId = null,
    string? Since = null,
    string? Until = null
);

/// <summary>Japanese names of roles and positions.</summary>
public static class PersonRoleNames
{
    /// <summary>The role as the glossary names it.</summary>
    public static string Japanese(this PersonRoleKind role) =>
        role switch
        {
            PersonRoleKind.CoordinatorTier1 => "第1層生活支援コーディネーター",
            PersonRoleKind.CoordinatorTier2 => "第2層生活支援コーディネーター",
            PersonRoleKind.SupportPromoter => "地域支え合い推進員",
            PersonRoleKind.Advisor => "アドバイザー（運営委員）",
            PersonRoleKind.LiaisonMember => "連絡会議会員",
            PersonRoleKind.Officer => "主事",
            _ => "委員",
        };

    /// <summary>委員長 or 副委員長.</summary>
    public static string Japanese(this RolePosition position) => position == RolePosition.Chair ? "委員長" : "副委員長";
}
