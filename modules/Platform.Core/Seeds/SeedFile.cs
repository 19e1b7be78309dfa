using Platform.Abstractions.Tenancy;
using Platform.Core.Districts;

namespace Platform.Core.Seeds;

/// <summary>
/// A demo tenant as described in <c>seeds/*.json</c>: the tenant, its districts, the modules enabled for it, the
/// modules switched off in some districts, and district settings. Later modules add their own content files.
/// </summary>
public sealed class SeedFile
{
    public required SeedTenant Tenant { get; init; }
    public List<SeedDistrict> Districts { get; init; } = [];
    public List<string> Modules { get; init; } = [];
    public Dictionary<string, List<string>> DisabledInDistricts { get; init; } = [];
    public Dictionary<string, Dictionary<string, System.Text.Json.Nodes.JsonObject>> DistrictSettings { get; init; } = [];
}

public sealed record SeedTenant(string Id, string Name, TenantKind Kind, string LocalGovernmentCode, string? HostName = null);

public sealed record SeedDistrict(string Id, string Name, DistrictKind Kind = DistrictKind.District, string? ParentId = null);
