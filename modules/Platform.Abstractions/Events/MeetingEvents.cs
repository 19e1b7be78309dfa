using Platform.Abstractions.Meetings;

namespace Platform.Abstractions.Events;

/// <summary>A meeting's status changed (planned → held → minutes approved, or cancelled).</summary>
public sealed record MeetingStatusChanged(
    string TenantId,
    string MeetingId,
    string BodyId,
    string? DistrictId,
    MeetingStatus Status
) : IPlatformEvent;

/// <summary>A district's cadence status for the current fiscal year changed, found by a recorded meeting or the daily
/// check.</summary>
public sealed record CadenceStatusChanged(string TenantId, string DistrictId, int FiscalYear, string Status)
    : IPlatformEvent;
