using Platform.Core.Meetings;

namespace Platform.Core.Sdk;

/// <summary>
/// The SDK's meetings over the core's store. Planning applies the kinds and scheduling rules of the modules in effect
/// in the body's district, as the meeting API does, and recounts cadence.
/// </summary>
public sealed class SdkMeetings(MeetingStore meetings, MeetingRules rules, MeetingContext context) : IMeetings
{
    public Task<Meeting> GetAsync(string tenantId, string meetingId, CancellationToken cancellationToken = default) =>
        meetings.GetAsync(tenantId, meetingId, cancellationToken);

    public Task<IReadOnlyList<Meeting>> ListAsync(
        string tenantId,
        MeetingFilter filter,
        CancellationToken cancellationToken = default
    ) =>
        meetings.ListAsync(
            tenantId,
            new MeetingStore.Filter(filter.BodyId, filter.DistrictId, filter.From, filter.To, filter.Status),
            cancellationToken
        );

    public async Task<Meeting> PlanAsync(
        string tenantId,
        MeetingInput input,
        CancellationToken cancellationToken = default
    )
    {
        var kinds = await context.KindsForAsync(tenantId, input.BodyId, cancellationToken);
        var created = await rules.CreateAsync(
            tenantId,
            input,
            kinds,
            check: context.SchedulingRules(tenantId, cancellationToken),
            cancellationToken: cancellationToken
        );
        await context.MeetingChangedAsync(tenantId, created.BodyId, cancellationToken);
        return created;
    }

    public async Task<IReadOnlyList<MeetingView>> ViewsAsync(
        string tenantId,
        IReadOnlyList<Meeting> list,
        CancellationToken cancellationToken = default
    ) => list.Count == 0 ? [] : await context.ViewsAsync(tenantId, list, cancellationToken);
}
