using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>The roll-out board: the city's own meetings, then every district, model districts first.</summary>
public sealed record RolloutModel(
    TenantInfo Tenant,
    DateOnly Today,
    IReadOnlyList<RolloutRow> Rows,
    IReadOnlyList<Platform.Abstractions.Meetings.MeetingView> CityMeetings
);
