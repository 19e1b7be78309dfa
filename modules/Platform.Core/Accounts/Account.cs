using Platform.Core.Privacy;

namespace Platform.Core.Accounts;

/// <summary>What a user may do in a tenant, from most to least: each role includes the ones below it.</summary>
public enum Role
{
    Viewer = 1,
    Recorder = 2,
    Coordinator = 3,
    TenantAdmin = 4,
}

/// <summary>
/// A role in a tenant, in all its districts or in one, and the highest level of content (<see cref="Sensitivity"/>) the
/// holder may read there. Roles and clearance are separate: a coordinator need not read residents' care details.
/// </summary>
public sealed record Grant(
    string TenantId,
    Role Role,
    string? DistrictId = null,
    Sensitivity Clearance = Sensitivity.Participants
);

/// <summary>A staff account. The platform administrator manages tenants and may do everything everywhere.</summary>
public sealed record Account(
    string Id,
    string UserName,
    string DisplayName,
    bool IsPlatformAdmin,
    IReadOnlyList<Grant> Grants
)
{
    /// <summary>The one tenant this account is limited to in the current session (see <see cref="Within"/>); null: not
    /// limited.</summary>
    public string? OnlyTenant { get; init; }

    /// <summary>The highest role that applies in a tenant, for a route of <paramref name="districtId"/> (null: a
    /// tenant-wide route).</summary>
    public Role? RoleIn(string tenantId, string? districtId) =>
        IsPlatformAdmin
            ? Role.TenantAdmin
            : Grants
                .Where(g => g.TenantId == tenantId && (g.DistrictId is null || g.DistrictId == districtId))
                .Select(g => (Role?)g.Role)
                .Max();

    /// <summary>
    /// The highest level the account may read in a tenant's district (null: tenant-wide content). The platform
    /// administrator runs the platform, not the meetings: it reads 関係者限り, no residents' information.
    /// </summary>
    public Sensitivity ClearanceIn(string tenantId, string? districtId) =>
        Grants
            .Where(g => g.TenantId == tenantId && (g.DistrictId is null || g.DistrictId == districtId))
            .Select(g => g.Clearance)
            .DefaultIfEmpty(IsPlatformAdmin ? Sensitivity.Participants : Sensitivity.Public)
            .Max();

    /// <summary>Whether the account has anything to do with the tenant at all; if not, the tenant is not even confirmed
    /// to it.</summary>
    public bool Knows(string tenantId) => IsPlatformAdmin || Grants.Any(g => g.TenantId == tenantId);

    /// <summary>
    /// The account as one tenant's identity provider may vouch for it: that tenant's grants only, never the platform
    /// administrator's rights. A provider speaks for its own municipality's staff and nobody else's.
    /// </summary>
    public Account Within(string tenantId) =>
        this with
        {
            IsPlatformAdmin = false,
            Grants = Grants.Where(g => g.TenantId == tenantId).ToList(),
            OnlyTenant = tenantId,
        };

    public static string Japanese(Role role) =>
        role switch
        {
            Role.Viewer => "閲覧",
            Role.Recorder => "記録",
            Role.Coordinator => "コーディネーター",
            _ => "テナント管理者",
        };
}
