using System.Text.Json.Nodes;
using Platform.Abstractions.Modules;
using Platform.Core.Modules;

namespace Platform.Core.Grains;

public sealed class DistrictState
{
    /// <summary>District-scoped modules switched off here although the tenant has them on.</summary>
    public HashSet<string> Disabled { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings per module id, as JSON; a module without an entry has its defaults.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DistrictGrain(
    [PersistentState("district", GrainStorageNames.Platform)] IPersistentState<DistrictState> state,
    ModuleCatalog catalog) : Grain, IDistrictGrain
{
    private string TenantId => DistrictGrainKey.Parse(this.GetPrimaryKeyString()).TenantId;

    public async Task<DistrictModules> GetModules()
    {
        var tenantEnabled = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetEnabledModules();
        var effective = catalog.Effective(tenantEnabled, state.State.Disabled);
        return new DistrictModules(tenantEnabled, state.State.Disabled.Order().ToArray(), effective.Order().ToArray());
    }

    public async Task<SwitchResult> EnableModule(string moduleId)
    {
        if (catalog.Find(moduleId) is not { } module) return new SwitchResult(false, "module.not_found");
        if (module.Scope != ModuleScope.District) return new SwitchResult(false, "module.not_district_scoped");
        var modules = await GetModules();
        if (!module.AlwaysEnabled && !modules.TenantEnabled.Contains(module.Id, StringComparer.OrdinalIgnoreCase))
            return new SwitchResult(false, "module.disabled_for_tenant");
        var missing = module.Dependencies.FirstOrDefault(d => !modules.Effective.Contains(d, StringComparer.OrdinalIgnoreCase));
        if (missing is not null) return new SwitchResult(false, "module.dependency_disabled", missing);
        if (!state.State.Disabled.Remove(module.Id)) return SwitchResult.Unchanged;
        // Written before the caller is answered: an acknowledged switch survives a crash.
        await state.WriteStateAsync();
        return SwitchResult.Done;
    }

    public async Task<SwitchResult> DisableModule(string moduleId)
    {
        if (catalog.Find(moduleId) is not { } module) return new SwitchResult(false, "module.not_found");
        if (module.Scope != ModuleScope.District) return new SwitchResult(false, "module.not_district_scoped");
        if (module.AlwaysEnabled) return new SwitchResult(false, "module.always_enabled");
        if (state.State.Disabled.Contains(module.Id)) return SwitchResult.Unchanged;
        var modules = await GetModules();
        var dependent = catalog.DependentsOf(module.Id).FirstOrDefault(d => modules.Effective.Contains(d.Id, StringComparer.OrdinalIgnoreCase));
        if (dependent is not null) return new SwitchResult(false, "module.dependent_enabled", dependent.Id);
        state.State.Disabled.Add(module.Id);
        await state.WriteStateAsync();
        return SwitchResult.Done;
    }

    public Task<string> GetSettings(string moduleId)
    {
        var type = catalog.Get(moduleId).SettingsType ?? throw new InvalidOperationException($"Module '{moduleId}' has no settings.");
        var outcome = ModuleSettingsBinder.Apply(type, state.State.Settings.GetValueOrDefault(moduleId), []);
        return Task.FromResult(outcome.Json ?? state.State.Settings[moduleId]);
    }

    public async Task<SettingsResult> UpdateSettings(string moduleId, string changesJson)
    {
        var module = catalog.Get(moduleId);
        var type = module.SettingsType ?? throw new InvalidOperationException($"Module '{moduleId}' has no settings.");
        var changes = JsonNode.Parse(changesJson) as JsonObject ?? [];
        var outcome = ModuleSettingsBinder.Apply(type, state.State.Settings.GetValueOrDefault(module.Id), changes);
        if (outcome.Errors is not null) return new SettingsResult(null, new Dictionary<string, string[]>(outcome.Errors));
        state.State.Settings[module.Id] = outcome.Json!;
        await state.WriteStateAsync();
        return new SettingsResult(outcome.Json, null);
    }
}
