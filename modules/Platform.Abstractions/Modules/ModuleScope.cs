namespace Platform.Abstractions.Modules;

/// <summary>Where an admin switches a module: for a whole tenant only, or for each district of it.</summary>
public enum ModuleScope
{
    /// <summary>Switched for the whole tenant (e.g. a prefecture's exchange sessions).</summary>
    Tenant,

    /// <summary>Switched for the tenant and then per district (e.g. a district's support meetings).</summary>
    District,
}
