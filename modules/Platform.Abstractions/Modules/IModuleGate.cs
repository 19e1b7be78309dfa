namespace Platform.Abstractions.Modules;

/// <summary>
/// Whether a module is in effect for a tenant or one of its districts. Endpoints of a module are gated by the host
/// already; ask this for what a page shows across districts (e.g. a board listing every district).
/// </summary>
public interface IModuleGate
{
    /// <summary>Whether the module is enabled for the tenant and, for a district-scoped module, in the
    /// district.</summary>
    Task<bool> IsEnabledAsync(string tenantId, string? districtId, string moduleId);
}
