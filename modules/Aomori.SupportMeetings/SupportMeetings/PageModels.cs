using Aomori.SupportMeetings.Rollout;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>A district's support meeting: its settings, its body and 5W1H, its roll-out, its meetings and the meetings
/// it counts.</summary>
public sealed record SupportMeetingsModel(
    TenantInfo Tenant,
    District District,
    SupportMeetingSettings Settings,
    Body? Body,
    RolloutState Rollout,
    IReadOnlyList<LinkedMeeting> Linked,
    IReadOnlyList<MeetingView> Meetings
);
