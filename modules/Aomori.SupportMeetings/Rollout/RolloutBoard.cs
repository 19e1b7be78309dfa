using Aomori.SupportMeetings.SupportMeetings;
using Platform.Abstractions.Tenancy;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Modules;
using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>One district on the roll-out board.</summary>
public sealed record RolloutRow(
    string DistrictId,
    string DistrictName,
    bool Enabled,
    bool ModelDistrict,
    int Reached,
    IReadOnlyDictionary<RolloutStep, StepRecord> Steps,
    IReadOnlyList<RolloutStep> Unrecorded,
    string? Next,
    string? SupportBodyId,
    MeetingView? NextMeeting);

/// <summary>Every district of the tenant, model districts first: where each stands and what comes next.</summary>
public sealed class RolloutBoard(DistrictStore districts, ModuleGate gate, ModuleCatalog catalog, RolloutService rollout, SupportMeetingBodies supportMeetings,
    MeetingStore meetings, MeetingContext context)
{
    public async Task<IReadOnlyList<RolloutRow>> RowsAsync(Microsoft.AspNetCore.Http.HttpContext http, TenantInfo tenant, DateOnly today)
    {
        var module = catalog.Get(SupportMeetingBodies.ModuleId);
        var rows = new List<RolloutRow>();
        foreach (var district in await districts.ListAsync(tenant.Id, http.RequestAborted))
        {
            var enabled = await gate.IsEnabledAsync(tenant.Id, district.Id, module);
            var settings = await supportMeetings.SettingsAsync(tenant.Id, district.Id);
            var state = await rollout.GetAsync(tenant.Id, district.Id);
            var body = enabled ? await supportMeetings.FindAsync(tenant.Id, district.Id, http.RequestAborted) : null;
            var upcoming = enabled
                ? (await meetings.ListAsync(tenant.Id, new MeetingStore.Filter(DistrictId: district.Id, From: today, Status: MeetingStatus.Planned), http.RequestAborted)).FirstOrDefault()
                : null;
            rows.Add(new RolloutRow(district.Id, district.Name, enabled, settings.ModelDistrict, state.Reached, state.Steps, state.Unrecorded.ToList(),
                state.Next is { } next ? RolloutState.Japanese(next) : null, body?.Id, upcoming is null ? null : await context.ViewAsync(http, upcoming)));
        }
        return rows.OrderByDescending(r => r.ModelDistrict).ThenByDescending(r => r.Enabled).ToList();
    }
}
