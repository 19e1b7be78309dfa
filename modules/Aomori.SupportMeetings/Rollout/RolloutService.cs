using Aomori.SupportMeetings.SupportMeetings;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>Reads and advances a district's roll-out in its district grain, by compare-and-set so that concurrent
/// advances both land.</summary>
public sealed class RolloutService(IDistrictModuleState state)
{
    public async Task<RolloutState> GetAsync(string tenantId, string districtId) =>
        RolloutState.Parse(await state.GetAsync(tenantId, districtId, SupportMeetingBodies.ModuleId));

    /// <summary>
    /// Records a step. <paramref name="strict"/> (a person recording by hand) refuses a step whose predecessor is not
    /// done; a held meeting records its step regardless, since the meeting happened, and the board shows the gap.
    /// </summary>
    public async Task<RolloutState> RecordAsync(
        string tenantId,
        string districtId,
        RolloutStep step,
        StepRecord record,
        bool strict
    )
    {
        while (true)
        {
            var json = await state.GetAsync(tenantId, districtId, SupportMeetingBodies.ModuleId);
            var current = RolloutState.Parse(json);
            if (current.IsDone(step))
                return current;
            if (strict && step > RolloutStep.OfficersMeeting && !current.IsDone(step - 1))
                throw new PlatformException(
                    409,
                    "rollout.step_skipped",
                    "前の段階がまだ記録されていません。",
                    $"「{RolloutState.Japanese(step - 1)}」を先に記録してください。段階は①から順に進みます。"
                );
            var next = current with
            {
                Steps = new Dictionary<RolloutStep, StepRecord>(current.Steps) { [step] = record },
            };
            if (
                await state.CompareAndSetAsync(tenantId, districtId, SupportMeetingBodies.ModuleId, json, next.ToJson())
            )
                return next;
        }
    }

    /// <summary>Sets the month by which a step is planned (null clears it). A step already done keeps its target, so
    /// that the board can still say whether it was done on time.</summary>
    public async Task<RolloutState> PlanAsync(string tenantId, string districtId, RolloutStep step, DateOnly? month)
    {
        while (true)
        {
            var json = await state.GetAsync(tenantId, districtId, SupportMeetingBodies.ModuleId);
            var current = RolloutState.Parse(json);
            var targets = new Dictionary<RolloutStep, DateOnly>(current.Targets ?? []);
            if (month is { } m)
                targets[step] = new DateOnly(m.Year, m.Month, 1);
            else
                targets.Remove(step);
            var next = current with { Targets = targets };
            if (
                await state.CompareAndSetAsync(tenantId, districtId, SupportMeetingBodies.ModuleId, json, next.ToJson())
            )
                return next;
        }
    }

    /// <summary>The step a held meeting completes, if any: by its kind, or ④ for a full meeting of the support meeting
    /// or of a body it counts.</summary>
    public static RolloutStep? StepFor(Meeting meeting, Body? supportBody) =>
        meeting.Kind switch
        {
            SupportMeetingKinds.OfficersMeeting => RolloutStep.OfficersMeeting,
            "briefing" => RolloutStep.Briefing,
            SupportMeetingKinds.DistrictDiscussion or "steering-committee" => RolloutStep.DistrictDecision,
            _ when supportBody is not null
                    && (meeting.BodyId == supportBody.Id || supportBody.CountedBodyIds.Contains(meeting.BodyId)) =>
                RolloutStep.FirstMeeting,
            _ => null,
        };
}
