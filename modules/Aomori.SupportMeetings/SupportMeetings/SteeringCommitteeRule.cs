using Aomori.SupportMeetings.Rollout;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>
/// 大野's way: where the district's setting asks for it, the first full support meeting cannot be scheduled before a
/// steering committee (幹事会) has been held in the district. Once a support meeting has been held (roll-out step ④)
/// the rule has done its work.
/// </summary>
public sealed class SteeringCommitteeRule(
    SupportMeetingBodies supportMeetings,
    IMeetings meetings,
    IBodies bodies,
    RolloutService rollout
) : IMeetingSchedulingRule
{
    public async Task CheckAsync(ScheduledMeeting meeting, CancellationToken cancellationToken)
    {
        if (
            meeting.DistrictId is not { } districtId
            || meeting.BodyKind != SupportMeetingBodies.Kind
            || SupportMeetingKinds.IsPreparatory(meeting.Kind)
        )
            return;
        if (!(await supportMeetings.SettingsAsync(meeting.TenantId, districtId)).RequireSteeringCommitteeFirst)
            return;
        if ((await rollout.GetAsync(meeting.TenantId, districtId)).IsDone(RolloutStep.FirstMeeting))
            return;
        var districtBodies = (await bodies.ListAsync(meeting.TenantId, districtId, cancellationToken))
            .Select(b => b.Id)
            .ToHashSet();
        var held = await meetings.ListAsync(
            meeting.TenantId,
            new MeetingFilter(DistrictId: districtId),
            cancellationToken
        );
        if (
            held.Any(m =>
                m.Kind == "steering-committee"
                && districtBodies.Contains(m.BodyId)
                && m.Status is MeetingStatus.Held or MeetingStatus.MinutesApproved
            )
        )
            return;
        throw new PlatformException(
            409,
            "support_meeting.steering_committee_first",
            "先に幹事会を開いてください。",
            "この地区では、最初の地域支え合い会議の前に幹事会を開くことになっています。まず種類「幹事会」の会議を予定し、開催後に「開催済み」にしてから、"
                + "地域支え合い会議を予定してください。（設定：最初の会議の前に幹事会を開く）"
        );
    }
}
