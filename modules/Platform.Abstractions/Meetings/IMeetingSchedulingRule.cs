using Platform.Abstractions.Errors;

namespace Platform.Abstractions.Meetings;

/// <summary>A meeting about to be scheduled: what a rule may look at.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="DistrictId">The district of the meeting's body, or null for a tenant-wide or region body.</param>
/// <param name="BodyId">The body that holds the meeting.</param>
/// <param name="BodyKind">The body's kind (e.g. <c>support-meeting</c>), if it has one.</param>
/// <param name="Kind">The meeting's kind.</param>
/// <param name="Date">The meeting's date.</param>
public sealed record ScheduledMeeting(
    string TenantId,
    string? DistrictId,
    string BodyId,
    string? BodyKind,
    string Kind,
    DateOnly Date
);

/// <summary>
/// A rule a module adds to scheduling meetings, e.g. "a steering committee must have been held first". Register it
/// in the module's <c>ConfigureServices</c>; it is asked only where its module is enabled (for the meeting's
/// district), before anything is written, and refuses by throwing a <see cref="PlatformException"/> whose Japanese
/// detail says what to do.
/// </summary>
public interface IMeetingSchedulingRule
{
    /// <summary>Throws to refuse the meeting; returns to let it be scheduled.</summary>
    Task CheckAsync(ScheduledMeeting meeting, CancellationToken cancellationToken);
}
