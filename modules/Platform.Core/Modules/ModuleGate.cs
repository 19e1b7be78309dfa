using Platform.Abstractions.Modules;
using Platform.Core.Grains;

namespace Platform.Core.Modules;

/// <summary>
/// Answers "is this module in effect here?" for every entry point: endpoints and pages, event dispatch, navigation.
/// It asks the grains on every call rather than caching, so a switch made through any host of the cluster holds on
/// the next request everywhere; the grains keep the state in memory, so the call costs microseconds.
/// </summary>
public sealed class ModuleGate(IGrainFactory grains, ModuleCatalog catalog)
{
    /// <summary>The modules in effect for a tenant as a whole (<paramref name="districtId"/> null) or in one
    /// district.</summary>
    public async Task<IReadOnlySet<string>> EffectiveAsync(string tenantId, string? districtId)
    {
        if (districtId is not null)
        {
            var modules = await grains
                .GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId))
                .GetModules();
            return modules.Effective.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        return catalog.Effective(await grains.GetGrain<ITenantGrain>(tenantId).GetEnabledModules(), null);
    }

    /// <summary>The services among <paramref name="services"/> whose module is in effect there (core services always
    /// are).</summary>
    public async Task<IReadOnlyList<T>> InEffectAsync<T>(IEnumerable<T> services, string tenantId, string? districtId)
        where T : notnull
    {
        var effective = await EffectiveAsync(tenantId, districtId);
        return services
            .Where(s =>
                catalog.OwnerOf(s.GetType()) is not { } owner || owner.AlwaysEnabled || effective.Contains(owner.Id)
            )
            .ToList();
    }

    public async Task<bool> IsEnabledAsync(string tenantId, string? districtId, ModuleDescriptor module)
    {
        if (module.AlwaysEnabled)
            return true;
        var place = module.Scope == ModuleScope.District ? districtId : null;
        return (await EffectiveAsync(tenantId, place)).Contains(module.Id);
    }
}
