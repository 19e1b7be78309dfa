using Platform.Abstractions.Tenancy;
using Platform.Core.Districts;

namespace Platform.Core.Seeds;

/// <summary>
/// A demo tenant as described in <c>seeds/*.json</c>: the tenant, its districts, the modules enabled for it, the
/// modules switched off in some districts, district settings, and the shared core's records: organisations, people,
/// bodies and meetings (with what was said at them). Bodies and meetings are written as the API receives them,
/// plus their <c>id</c>; a meeting also carries its <c>status</c>, <c>agenda</c> (each with <c>opinions</c>, where a
/// leading "⇒" marks a response) and <c>comments</c>.
/// </summary>
public sealed class SeedFile
{
    public required SeedTenant Tenant { get; init; }
    public List<SeedDistrict> Districts { get; init; } = [];
    public List<string> Modules { get; init; } = [];
    public Dictionary<string, List<string>> DisabledInDistricts { get; init; } = [];
    public Dictionary<string, Dictionary<string, System.Text.Json.Nodes.JsonObject>> DistrictSettings { get; init; } =
    [];
    public List<SeedOrganisation> Organisations { get; init; } = [];
    public List<SeedPerson> People { get; init; } = [];
    public List<System.Text.Json.Nodes.JsonObject> Bodies { get; init; } = [];
    public List<System.Text.Json.Nodes.JsonObject> Meetings { get; init; } = [];

    /// <summary>Demo accounts of the tenant, with their roles (documented in the README; not for production).</summary>
    public List<SeedUser> Users { get; init; } = [];

    /// <summary>Each module's own part, by module id; see <see
    /// cref="Platform.Abstractions.Seeds.IModuleSeeder"/>.</summary>
    public Dictionary<string, System.Text.Json.Nodes.JsonObject> ModuleContent { get; init; } = [];
}

public sealed record SeedOrganisation(string Id, string Name, string TypeId, string? DistrictId = null);

public sealed record SeedPerson(
    string Id,
    string Name,
    string? Reading = null,
    string? Title = null,
    string? OrganisationId = null,
    List<Platform.Abstractions.People.PersonRoleInput>? Roles = null
);

/// <summary>An agenda item; each opinion is its text, or <c>{"text": …, "organisation": …}</c> where the source says
/// who said it (（地区社協）).</summary>
public sealed record SeedAgendaItem(string Title, List<System.Text.Json.Nodes.JsonNode>? Opinions = null);

public sealed record SeedOpinion(string Text, string? Organisation = null);

public sealed record SeedTenant(
    string Id,
    string Name,
    TenantKind Kind,
    string LocalGovernmentCode,
    string? HostName = null
);

public sealed record SeedDistrict(
    string Id,
    string Name,
    DistrictKind Kind = DistrictKind.District,
    string? ParentId = null
);

public sealed record SeedUser(string UserName, string DisplayName, string Password, List<SeedGrant> Grants);

public sealed record SeedGrant(Platform.Core.Accounts.Role Role, string? DistrictId = null);
