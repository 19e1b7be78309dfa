using Platform.Core.Modules;

namespace Platform.Core.Grains;

public sealed class TenantModulesState
{
    public HashSet<string> Enabled { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class TenantGrain(
    [PersistentState("modules", GrainStorageNames.Platform)] IPersistentState<TenantModulesState> state,
    ModuleCatalog catalog
) : Grain, ITenantGrain
{
    public Task<string[]> GetEnabledModules() => Task.FromResult(state.State.Enabled.Order().ToArray());

    public async Task<SwitchResult> EnableModule(string moduleId)
    {
        if (catalog.Find(moduleId) is not { } module)
            return new SwitchResult(false, "module.not_found");
        if (module.AlwaysEnabled || state.State.Enabled.Contains(module.Id))
            return SwitchResult.Unchanged;
        var missing = module.Dependencies.FirstOrDefault(d => !IsOn(d));
        if (missing is not null)
            return new SwitchResult(false, "module.dependency_disabled", missing);
        state.State.Enabled.Add(module.Id);
        // Written before the caller is answered: an acknowledged switch survives a crash.
        await state.WriteStateAsync();
        return SwitchResult.Done;
    }

    public async Task<SwitchResult> DisableModule(string moduleId)
    {
        if (catalog.Find(moduleId) is not { } module)
            return new SwitchResult(false, "module.not_found");
        if (module.AlwaysEnabled)
            return new SwitchResult(false, "module.always_enabled");
        if (!state.State.Enabled.Contains(module.Id))
            return SwitchResult.Unchanged;
        var dependent = catalog.DependentsOf(module.Id).FirstOrDefault(d => IsOn(d.Id));
        if (dependent is not null)
            return new SwitchResult(false, "module.dependent_enabled", dependent.Id);
        state.State.Enabled.Remove(module.Id);
        await state.WriteStateAsync();
        return SwitchResult.Done;
    }

    private bool IsOn(string moduleId) =>
        catalog.Find(moduleId)?.AlwaysEnabled == true || state.State.Enabled.Contains(moduleId);
}
