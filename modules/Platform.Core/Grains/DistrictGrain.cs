using System.Text.Json.Nodes;
using Platform.Abstractions.Events;
using Platform.Abstractions.Modules;
using Platform.Core.Cadence;
using Platform.Core.Modules;
using Platform.Core.Storage;

namespace Platform.Core.Grains;

public sealed class DistrictState
{
    /// <summary>District-scoped modules switched off here although the tenant has them on.</summary>
    public HashSet<string> Disabled { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings per module id, as JSON; a module without an entry has its defaults.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per module, state a module keeps for the district (JSON), e.g. a roll-out step.</summary>
    public Dictionary<string, string> ModuleState { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cadence status last announced for the current fiscal year, so that only changes are
    /// announced.</summary>
    public string? AnnouncedCadence { get; set; }
}

public sealed class DistrictGrain(
    [PersistentState("district", GrainStorageNames.Platform)] IPersistentState<DistrictState> state,
    ModuleCatalog catalog,
    CadenceService cadence,
    IEventPublisher events,
    TimeProvider time
) : Grain, IDistrictGrain, IRemindable
{
    private const string CadenceReminder = "cadence-daily";

    private readonly Dictionary<int, DistrictCadence> _cadence = [];

    private string TenantId => DistrictGrainKey.Parse(this.GetPrimaryKeyString()).TenantId;

    private string DistrictId => DistrictGrainKey.Parse(this.GetPrimaryKeyString()).DistrictId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Nightly, shortly after midnight in Japan, when "days since the last meeting" moves on by one.
        var now = time.GetUtcNow();
        var nextRun = new DateTimeOffset(now.UtcDateTime.Date.AddHours(15).AddMinutes(5), TimeSpan.Zero);
        if (nextRun <= now)
            nextRun = nextRun.AddDays(1);
        await this.RegisterOrUpdateReminder(CadenceReminder, nextRun - now, TimeSpan.FromDays(1));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != CadenceReminder)
            return;
        _cadence.Clear();
        await ReevaluateAsync();
    }

    public Task<string?> GetModuleState(string moduleId) =>
        Task.FromResult(state.State.ModuleState.GetValueOrDefault(moduleId));

    public async Task<bool> UpdateModuleState(string moduleId, string? expected, string json)
    {
        if (state.State.ModuleState.GetValueOrDefault(moduleId) != expected)
            return false;
        state.State.ModuleState[moduleId] = json;
        await state.WriteStateAsync();
        return true;
    }

    public async Task<DistrictCadence> GetCadence(int fiscalYear)
    {
        var today = Clock.TodayInJapan(time);
        if (_cadence.TryGetValue(fiscalYear, out var kept) && kept.EvaluatedOn == today)
            return kept;
        var fresh = await cadence.ForDistrictAsync(TenantId, DistrictId, new FiscalYear(fiscalYear), today);
        _cadence[fiscalYear] = fresh;
        return fresh;
    }

    public async Task MeetingChanged()
    {
        _cadence.Clear();
        await ReevaluateAsync();
    }

    private async Task ReevaluateAsync()
    {
        var current = await GetCadence(FiscalYear.Of(Clock.TodayInJapan(time)).Year);
        var status = current.Result.Status.ToString().ToLowerInvariant();
        var announced = $"{current.FiscalYear}:{status}";
        if (state.State.AnnouncedCadence == announced)
            return;
        var first = state.State.AnnouncedCadence is null;
        state.State.AnnouncedCadence = announced;
        await state.WriteStateAsync();
        // Published off the grain's turn: handlers are dispatched only where their module is enabled, which asks this
        // very grain, and a non-reentrant grain cannot answer itself while it waits.
        if (!first)
            _ = Task.Run(() =>
                events.PublishAsync(new CadenceStatusChanged(TenantId, DistrictId, current.FiscalYear, status))
            );
    }

    public async Task<DistrictModules> GetModules()
    {
        var tenantEnabled = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetEnabledModules();
        var effective = catalog.Effective(tenantEnabled, state.State.Disabled);
        return new DistrictModules(tenantEnabled, state.State.Disabled.Order().ToArray(), effective.Order().ToArray());
    }

    public async Task<SwitchResult> EnableModule(string moduleId)
    {
        if (catalog.Find(moduleId) is not { } module)
            return new SwitchResult(false, "module.not_found");
        if (module.Scope != ModuleScope.District)
            return new SwitchResult(false, "module.not_district_scoped");
        var modules = await GetModules();
        if (!module.AlwaysEnabled && !modules.TenantEnabled.Contains(module.Id, StringComparer.OrdinalIgnoreCase))
            return new SwitchResult(false, "module.disabled_for_tenant");
        var missing = module.Dependencies.FirstOrDefault(d =>
            !modules.Effective.Contains(d, StringComparer.OrdinalIgnoreCase)
        );
        if (missing is not null)
            return new SwitchResult(false, "module.dependency_disabled", missing);
        if (!state.State.Disabled.Remove(module.Id))
            return SwitchResult.Unchanged;
        // Written before the caller is answered: an acknowledged switch survives a crash.
        await state.WriteStateAsync();
        return SwitchResult.Done;
    }

    public async Task<SwitchResult> DisableModule(string moduleId)
    {
        if (catalog.Find(moduleId) is not { } module)
            return new SwitchResult(false, "module.not_found");
        if (module.Scope != ModuleScope.District)
            return new SwitchResult(false, "module.not_district_scoped");
        if (module.AlwaysEnabled)
            return new SwitchResult(false, "module.always_enabled");
        if (state.State.Disabled.Contains(module.Id))
            return SwitchResult.Unchanged;
        var modules = await GetModules();
        var dependent = catalog
            .DependentsOf(module.Id)
            .FirstOrDefault(d => modules.Effective.Contains(d.Id, StringComparer.OrdinalIgnoreCase));
        if (dependent is not null)
            return new SwitchResult(false, "module.dependent_enabled", dependent.Id);
        state.State.Disabled.Add(module.Id);
        await state.WriteStateAsync();
        return SwitchResult.Done;
    }

    public Task<string> GetSettings(string moduleId)
    {
        var type =
            catalog.Get(moduleId).SettingsType
            ?? throw new InvalidOperationException($"Module '{moduleId}' has no settings.");
        var outcome = ModuleSettingsBinder.Apply(type, state.State.Settings.GetValueOrDefault(moduleId), []);
        return Task.FromResult(outcome.Json ?? state.State.Settings[moduleId]);
    }

    public async Task<SettingsResult> UpdateSettings(string moduleId, string changesJson)
    {
        var module = catalog.Get(moduleId);
        var type = module.SettingsType ?? throw new InvalidOperationException($"Module '{moduleId}' has no settings.");
        var changes = JsonNode.Parse(changesJson) as JsonObject ?? [];
        var outcome = ModuleSettingsBinder.Apply(type, state.State.Settings.GetValueOrDefault(module.Id), changes);
        if (outcome.Errors is not null)
            return new SettingsResult(null, new Dictionary<string, string[]>(outcome.Errors));
        state.State.Settings[module.Id] = outcome.Json!;
        await state.WriteStateAsync();
        return new SettingsResult(outcome.Json, null);
    }
}
