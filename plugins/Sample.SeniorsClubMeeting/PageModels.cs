using Platform.Abstractions.Meetings;
using Platform.Abstractions.Tenancy;

namespace Sample.SeniorsClubMeeting;

/// <summary>The district's liaison meetings.</summary>
public sealed record LiaisonMeetingsModel(TenantInfo Tenant, IReadOnlyList<MeetingFact> Meetings);
