namespace Platform.Core.Grains;

/// <summary>What a module switch did: changed something, nothing to change, or refused with a code and the module that
/// stood in the way.</summary>
[GenerateSerializer, Immutable]
public sealed record SwitchResult(bool Changed, string? ErrorCode = null, string? OtherModuleId = null)
{
    public static readonly SwitchResult Done = new(true);
    public static readonly SwitchResult Unchanged = new(false);

    public bool Refused => ErrorCode is not null;
}

/// <summary>The modules of one district: the tenant's switches, the district's own, and what is in effect.</summary>
[GenerateSerializer, Immutable]
public sealed record DistrictModules(string[] TenantEnabled, string[] DistrictDisabled, string[] Effective);

/// <summary>Settings after an update: the stored JSON, or the errors by field and nothing stored.</summary>
[GenerateSerializer, Immutable]
public sealed record SettingsResult(string? Json, Dictionary<string, string[]>? Errors);
