namespace Platform.Abstractions.Bodies;

/// <summary>What a body covers: the whole tenant (tier 1), a region of a prefecture, or one district.</summary>
public enum Territory
{
    /// <summary>The whole tenant (第1層).</summary>
    Tenant,

    /// <summary>A region of a prefecture.</summary>
    Region,

    /// <summary>One district (第2層).</summary>
    District,
}

/// <summary>Where a body stands.</summary>
public enum BodyStatus
{
    /// <summary>設立準備中.</summary>
    SettingUp,

    /// <summary>活動中.</summary>
    Active,

    /// <summary>解散: kept for its history.</summary>
    Dissolved,
}

/// <summary>The 5W1H of a body, as Aomori's design writes it.</summary>
public sealed record Charter(
    string? Why = null,
    string? What = null,
    string? Who = null,
    string? Where = null,
    string? When = null,
    string? How = null
);

/// <summary>A member of a body: an organisation, a person, or a person for an organisation, with the role they hold
/// there.</summary>
public sealed record BodyMember(string? OrganisationId, string? PersonId, string? Role)
{
    /// <summary>The person's title (役職) in their organisation as the body knows it: 副学院長, 部長.</summary>
    public string? Title { get; init; }
}

/// <summary>
/// How often a body meets, per fiscal year: at least and at most so many meetings, and whether it meets even
/// when there is no case (事案がなくても定期的に集まる), which makes a long gap since the last meeting a problem.
/// </summary>
public sealed record CadencePolicy(int? AtLeast = null, int? AtMost = null, bool MeetEvenWithoutCase = false);

/// <summary>
/// A consultative body (協議体). <see cref="DefaultScope"/> lists the organisations convened unless a meeting says
/// otherwise; <see cref="CountedBodyIds"/> are other bodies whose meetings count towards this one's cadence
/// (新城 counts the network meeting hosted by the community general support centre).
/// </summary>
public sealed record Body(
    string Id,
    string Name,
    string? Kind,
    int Tier,
    Territory Territory,
    string? DistrictId,
    string? HostOrganisationId,
    BodyStatus Status,
    CadencePolicy Cadence,
    Charter Charter,
    IReadOnlyList<BodyMember> Members,
    IReadOnlyList<string> DefaultScope,
    IReadOnlyList<string> CountedBodyIds
)
{
    /// <summary>
    /// The meeting kinds that count towards the body's fiscal year (its own meetings and those of the bodies it
    /// counts). Empty means its regular meetings: 定例会議 and the kind the body or the counted body is named for
    /// (a network meeting's 地域支援ネットワーク会議), never a 説明会.
    /// </summary>
    public IReadOnlyList<string> CountedKinds { get; init; } = [];
}

/// <summary>A body as the API receives it; on update, fields left null keep their values.</summary>
public sealed record BodyInput(
    string? Name = null,
    string? Kind = null,
    int? Tier = null,
    Territory? Territory = null,
    string? DistrictId = null,
    string? HostOrganisationId = null,
    BodyStatus? Status = null,
    CadencePolicy? Cadence = null,
    Charter? Charter = null,
    List<BodyMember>? Members = null,
    List<string>? DefaultScope = null,
    List<string>? CountedBodyIds = null
)
{
    /// <summary>The meeting kinds that count towards the body's year; empty restores the default (regular
    /// meetings).</summary>
    public List<string>? CountedKinds { get; init; }
}

/// <summary>Japanese names for bodies' statuses and tiers.</summary>
public static class BodyNames
{
    /// <summary>設立準備中, 活動中 or 解散.</summary>
    public static string Japanese(this BodyStatus status) =>
        status switch
        {
            BodyStatus.SettingUp => "設立準備中",
            BodyStatus.Active => "活動中",
            _ => "解散",
        };

    /// <summary>第1層, 第2層 or 第3層.</summary>
    public static string TierName(int tier) =>
        tier switch
        {
            1 => "第1層",
            2 => "第2層",
            _ => "第3層",
        };
}
