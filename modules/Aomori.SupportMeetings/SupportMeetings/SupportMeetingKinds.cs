using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>
/// The meetings of the roll-out that the shared core has no kind for (steps ① and ③). Meetings that are not one of
/// the preparatory kinds are "full" support meetings.
/// </summary>
public sealed class SupportMeetingKinds : IMeetingKindSource
{
    public const string OfficersMeeting = "aomori.officers-meeting";
    public const string DistrictDiscussion = "aomori.district-discussion";

    public IEnumerable<MeetingKind> Kinds =>
        [
            new(OfficersMeeting, "地区社協役員との打合せ"),
            new(DistrictDiscussion, "会議の進め方についての地区での話し合い"),
        ];

    public static bool IsPreparatory(string kind) =>
        kind is OfficersMeeting or DistrictDiscussion or "briefing" or "steering-committee";
}
