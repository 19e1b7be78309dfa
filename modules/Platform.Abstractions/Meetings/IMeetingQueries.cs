namespace Platform.Abstractions.Meetings;

/// <summary>A meeting as reports see it.</summary>
/// <param name="Id">Meeting id.</param>
/// <param name="BodyId">Its consultative body.</param>
/// <param name="BodyName">The body's name.</param>
/// <param name="Tier">The body's tier: 1, 2 or 3.</param>
/// <param name="DistrictId">The body's district, if it has one.</param>
/// <param name="Kind">Meeting kind id.</param>
/// <param name="Date">Meeting date.</param>
/// <param name="Status">Where it stands.</param>
public sealed record MeetingFact(
    string Id,
    string BodyId,
    string BodyName,
    int Tier,
    string? DistrictId,
    string Kind,
    DateOnly Date,
    MeetingStatus Status
);

/// <summary>Read-only access to a tenant's meetings for modules and plugins (reports, exports). Inject it.</summary>
public interface IMeetingQueries
{
    /// <summary>The tenant's meetings dated between <paramref name="from"/> and <paramref name="to"/>,
    /// inclusive.</summary>
    Task<IReadOnlyList<MeetingFact>> ListAsync(
        string tenantId,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken = default
    );
}
