using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>
/// The meetings of the roll-out that the shared core has no kind for: the city's own meeting where the scheme is
/// explained to every district (before step ①), and steps ① and ③. Meetings that are not one of the preparatory kinds
/// are "full" support meetings.
/// </summary>
public sealed class SupportMeetingKinds : IMeetingKindSource
{
    public const string OfficersMeeting = "aomori.officers-meeting";
    public const string DistrictDiscussion = "aomori.district-discussion";
    public const string CityMeeting = "aomori.city-meeting";

    public IEnumerable<MeetingKind> Kinds =>
        [
            new(OfficersMeeting, "地区社協役員との打合せ"),
            new(DistrictDiscussion, "会議の進め方についての地区での話し合い"),
            new(CityMeeting, "市全体への説明（地区社協会長・事務担当者会議など）"),
        ];

    public static bool IsPreparatory(string kind) =>
        kind is OfficersMeeting or DistrictDiscussion or CityMeeting or "briefing" or "steering-committee";
}
