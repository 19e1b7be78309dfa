using Aomori.SupportMeetings.SupportMeetings;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>One district on the roll-out board: each step done or not, its target month (the first day of it), the
/// steps not done by their target month (<paramref name="Late"/>) and those done after it.</summary>
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
    MeetingView? NextMeeting,
    IReadOnlyDictionary<RolloutStep, DateOnly> Targets,
    IReadOnlyList<RolloutStep> Late,
    IReadOnlyList<RolloutStep> DoneLate
);

/// <summary>Every district of the tenant, model districts first: where each stands and what comes next.</summary>
public sealed class RolloutBoard(
    IDistricts districts,
    IModuleGate gate,
    RolloutService rollout,
    SupportMeetingBodies supportMeetings,
    IMeetings meetings
)
{
    public async Task<IReadOnlyList<RolloutRow>> RowsAsync(
        TenantInfo tenant,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var rows = new List<RolloutRow>();
        foreach (var district in await districts.ListAsync(tenant.Id, cancellationToken))
        {
            var enabled = await gate.IsEnabledAsync(tenant.Id, district.Id, SupportMeetingBodies.ModuleId);
            var settings = await supportMeetings.SettingsAsync(tenant.Id, district.Id);
            var state = await rollout.GetAsync(tenant.Id, district.Id);
            var body = enabled ? await supportMeetings.FindAsync(tenant.Id, district.Id, cancellationToken) : null;
            var upcoming = enabled
                ? (
                    await meetings.ListAsync(
                        tenant.Id,
                        new MeetingFilter(DistrictId: district.Id, From: today, Status: MeetingStatus.Planned),
                        cancellationToken
                    )
                ).FirstOrDefault()
                : null;
            rows.Add(
                new RolloutRow(
                    district.Id,
                    district.Name,
                    enabled,
                    settings.ModelDistrict,
                    state.Reached,
                    state.Steps,
                    state.Unrecorded.ToList(),
                    state.Next is { } next ? RolloutState.Japanese(next) : null,
                    body?.Id,
                    upcoming is null ? null : (await meetings.ViewsAsync(tenant.Id, [upcoming], cancellationToken))[0],
                    state.Targets ?? [],
                    [.. Enum.GetValues<RolloutStep>().Where(s => state.IsLate(s, today))],
                    [.. Enum.GetValues<RolloutStep>().Where(state.DoneLate)]
                )
            );
        }
        return rows.OrderByDescending(r => r.ModelDistrict).ThenByDescending(r => r.Enabled).ToList();
    }

    /// <summary>The city's own meetings that start the roll-out (地区社協会長・事務担当者会議 and the like), by date.</summary>
    public async Task<IReadOnlyList<MeetingView>> CityMeetingsAsync(
        TenantInfo tenant,
        CancellationToken cancellationToken
    )
    {
        var city = (await meetings.ListAsync(tenant.Id, new MeetingFilter(), cancellationToken))
            .Where(m => m.Kind == SupportMeetingKinds.CityMeeting && m.Status != MeetingStatus.Cancelled)
            .ToList();
        return city.Count == 0 ? [] : await meetings.ViewsAsync(tenant.Id, city, cancellationToken);
    }
}
