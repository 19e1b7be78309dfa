using Aomori.SupportMeetings.SupportMeetings;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Tenancy;

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
    MeetingView? NextMeeting
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
                    upcoming is null ? null : (await meetings.ViewsAsync(tenant.Id, [upcoming], cancellationToken))[0]
                )
            );
        }
        return rows.OrderByDescending(r => r.ModelDistrict).ThenByDescending(r => r.Enabled).ToList();
    }
}
