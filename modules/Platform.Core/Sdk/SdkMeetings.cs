using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Modules;

namespace Platform.Core.Sdk;

/// <summary>
/// The SDK's meetings over the core's store. Planning applies the kinds and scheduling rules of the modules in effect
/// in the body's district, which it is handed by the container (every module's; lazily, since a rule may itself plan
/// or list meetings), and recounts cadence.
/// </summary>
public sealed class SdkMeetings(MeetingStore meetings, BodyStore bodies, MeetingContext context, ModuleGate gate,
    Lazy<IEnumerable<IMeetingKindSource>> kindSources, Lazy<IEnumerable<IMeetingSchedulingRule>> rules) : IMeetings
{
    public Task<Meeting> GetAsync(string tenantId, string meetingId, CancellationToken cancellationToken = default) =>
        meetings.GetAsync(tenantId, meetingId, cancellationToken);

    public Task<IReadOnlyList<Meeting>> ListAsync(string tenantId, MeetingFilter filter, CancellationToken cancellationToken = default) =>
        meetings.ListAsync(tenantId, new MeetingStore.Filter(filter.BodyId, filter.DistrictId, filter.From, filter.To, filter.Status), cancellationToken);

    public async Task<Meeting> PlanAsync(string tenantId, MeetingInput input, CancellationToken cancellationToken = default)
    {
        var body = input.BodyId is null ? null : await bodies.FindAsync(tenantId, input.BodyId, cancellationToken);
        var kinds = MeetingKinds.All(await gate.InEffectAsync(kindSources.Value, tenantId, body?.DistrictId));
        var created = await meetings.CreateAsync(tenantId, input, kinds, check: meeting => CheckRulesAsync(tenantId, meeting, cancellationToken),
            cancellationToken: cancellationToken);
        await context.MeetingChangedAsync(tenantId, created.BodyId, cancellationToken);
        return created;
    }

    private async Task CheckRulesAsync(string tenantId, Meeting meeting, CancellationToken cancellationToken)
    {
        var body = await bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
        var scheduled = new ScheduledMeeting(tenantId, body.DistrictId, body.Id, body.Kind, meeting.Kind, meeting.Date);
        foreach (var rule in await gate.InEffectAsync(rules.Value, tenantId, body.DistrictId)) await rule.CheckAsync(scheduled, cancellationToken);
    }

    public async Task<IReadOnlyList<MeetingView>> ViewsAsync(string tenantId, IReadOnlyList<Meeting> list, CancellationToken cancellationToken = default) =>
        list.Count == 0 ? [] : await context.ViewsAsync(tenantId, list, cancellationToken);
}
