using Platform.Core.Cadence;

namespace Platform.Core.Grains;

/// <summary>
/// The coordinator of one district's state, keyed <c>{tenant}/{district}</c>: which district-scoped modules are
/// switched off there and each module's settings. It is the only writer of that state, so concurrent switches for
/// one district are applied one after another and none is lost. It also keeps the district's cadence, re-evaluated
/// at once when a meeting changes and every night by a reminder, and announces a change of status.
/// </summary>
[Alias("Platform.Core.Grains.IDistrictGrain")]
public interface IDistrictGrain : IGrainWithStringKey
{
    [Alias("GetModules")]
    Task<DistrictModules> GetModules();

    [Alias("EnableModule")]
    Task<SwitchResult> EnableModule(string moduleId);

    [Alias("DisableModule")]
    Task<SwitchResult> DisableModule(string moduleId);

    /// <summary>The module's settings as JSON, defaults filled in.</summary>
    [Alias("GetSettings")]
    Task<string> GetSettings(string moduleId);

    /// <summary>Applies the fields given (a JSON object) over the current settings, or returns every field's
    /// error.</summary>
    [Alias("UpdateSettings")]
    Task<SettingsResult> UpdateSettings(string moduleId, string changesJson);

    /// <summary>State that a module keeps for this district (JSON), or null.</summary>
    [Alias("GetModuleState")]
    Task<string?> GetModuleState(string moduleId);

    /// <summary>Replaces a module's state if it is still <paramref name="expected"/> (compare-and-set); false if
    /// another write came first.</summary>
    [Alias("UpdateModuleState")]
    Task<bool> UpdateModuleState(string moduleId, string? expected, string json);

    /// <summary>The district's cadence in a fiscal year, kept until a meeting changes or the day does.</summary>
    [Alias("GetCadence")]
    Task<DistrictCadence> GetCadence(int fiscalYear);

    /// <summary>A meeting of a body of this district (or one counted by it) was planned, held, approved or
    /// cancelled.</summary>
    [Alias("MeetingChanged")]
    Task MeetingChanged();
}

public static class DistrictGrainKey
{
    public static string For(string tenantId, string districtId) => $"{tenantId}/{districtId}";

    public static (string TenantId, string DistrictId) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
