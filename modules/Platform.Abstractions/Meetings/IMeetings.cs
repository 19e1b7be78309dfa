using Platform.Abstractions.Errors;

namespace Platform.Abstractions.Meetings;

/// <summary>Which meetings to list; every field left null matches all.</summary>
/// <param name="BodyId">Meetings of this body.</param>
/// <param name="DistrictId">Meetings of bodies of this district.</param>
/// <param name="From">Dated on or after.</param>
/// <param name="To">Dated on or before.</param>
/// <param name="Status">In this status.</param>
public sealed record MeetingFilter(
    string? BodyId = null,
    string? DistrictId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    MeetingStatus? Status = null
);

/// <summary>A tenant's meetings, for modules and plugins.</summary>
public interface IMeetings
{
    /// <summary>The meeting; 404 <c>meeting.not_found</c> if the tenant has none with this id.</summary>
    Task<Meeting> GetAsync(string tenantId, string meetingId, CancellationToken cancellationToken = default);

    /// <summary>The meetings that match, by date.</summary>
    Task<IReadOnlyList<Meeting>> ListAsync(
        string tenantId,
        MeetingFilter filter,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Plans a meeting as the API does: the input is checked (a <see cref="PlatformException"/> names each failing
    /// field), the kinds and the scheduling rules of the modules in effect in the body's district apply, and the
    /// district's cadence is recounted.
    /// </summary>
    Task<Meeting> PlanAsync(string tenantId, MeetingInput input, CancellationToken cancellationToken = default);

    /// <summary>The meetings as the pages show them: with their body, 和暦 date, kind and status names, and convening
    /// scope.</summary>
    Task<IReadOnlyList<MeetingView>> ViewsAsync(
        string tenantId,
        IReadOnlyList<Meeting> meetings,
        CancellationToken cancellationToken = default
    );
}
