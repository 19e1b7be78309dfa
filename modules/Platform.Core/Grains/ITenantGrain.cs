namespace Platform.Core.Grains;

/// <summary>
/// The single writer of which modules a tenant has enabled. Keyed by the tenant id. Modules that are always enabled
/// are not stored: they are in effect everywhere.
/// </summary>
[Alias("Platform.Core.Grains.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("GetEnabledModules")]
    Task<string[]> GetEnabledModules();

    [Alias("EnableModule")]
    Task<SwitchResult> EnableModule(string moduleId);

    [Alias("DisableModule")]
    Task<SwitchResult> DisableModule(string moduleId);
}
