namespace Platform.Abstractions.Modules;

/// <summary>
/// A module's own state for one district (e.g. how far the district's roll-out has come), kept by the district's
/// grain, so that every host sees the same and concurrent changes cannot overwrite each other. State is JSON text;
/// a change is a compare-and-set: read, compute, and write only if nobody wrote in between, else read again.
/// </summary>
public interface IDistrictModuleState
{
    /// <summary>The module's state in the district, or null before its first write.</summary>
    Task<string?> GetAsync(string tenantId, string districtId, string moduleId);

    /// <summary>Writes <paramref name="next"/> if the state is still <paramref name="expected"/>; false if it
    /// changed.</summary>
    Task<bool> CompareAndSetAsync(string tenantId, string districtId, string moduleId, string? expected, string next);
}
