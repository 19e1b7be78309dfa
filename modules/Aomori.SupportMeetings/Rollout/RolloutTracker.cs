using Aomori.SupportMeetings.SupportMeetings;
using Platform.Abstractions.Events;
using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>Holding the meeting of a step advances the district's roll-out.</summary>
public sealed class RolloutTracker(IMeetings meetings, SupportMeetingBodies supportMeetings, RolloutService rollout)
    : IEventHandler<MeetingStatusChanged>
{
    public async Task HandleAsync(MeetingStatusChanged @event, CancellationToken cancellationToken)
    {
        if (@event.Status != MeetingStatus.Held || @event.DistrictId is not { } districtId)
            return;
        var meeting = await meetings.GetAsync(@event.TenantId, @event.MeetingId, cancellationToken);
        var supportBody = await supportMeetings.FindAsync(@event.TenantId, districtId, cancellationToken);
        if (RolloutService.StepFor(meeting, supportBody) is { } step)
            await rollout.RecordAsync(
                @event.TenantId,
                districtId,
                step,
                new StepRecord(meeting.Date, meeting.Id, Precision: meeting.DatePrecision),
                strict: false
            );
    }
}
