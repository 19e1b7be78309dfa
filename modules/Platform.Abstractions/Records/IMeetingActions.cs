namespace Platform.Abstractions.Records;

/// <summary>An action item (対応事項) to make from what was said at a meeting.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="CommentId">The comment it comes from (<see cref="RecordComment.Id"/>), if any.</param>
/// <param name="OpinionId">The opinion it comes from (<see cref="RecordOpinion.Id"/>), if any.</param>
/// <param name="OwnerOrganisationId">The organisation that takes it on, if any.</param>
/// <param name="DueDate">By when, as text (和暦 accepted), if any.</param>
public sealed record ActionRequest(
    string? Title,
    string? CommentId = null,
    string? OpinionId = null,
    string? OwnerOrganisationId = null,
    string? DueDate = null
);

/// <summary>An action item of a meeting, as a module sees it.</summary>
/// <param name="Id">Its id (<c>/api/actions/{id}</c>).</param>
/// <param name="MeetingId">The meeting it was decided at.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="CommentId">The comment it came from, if any.</param>
/// <param name="OpinionId">The opinion it came from, if any.</param>
/// <param name="OwnerOrganisationId">The organisation that took it on, if any.</param>
/// <param name="Open">Not yet done or dropped.</param>
public sealed record MeetingAction(
    string Id,
    string MeetingId,
    string Title,
    string? CommentId,
    string? OpinionId,
    string? OwnerOrganisationId,
    bool Open
);

/// <summary>
/// Action items made from a meeting's record, for modules and plugins: checked as <c>POST
/// /api/meetings/{id}/actions</c> checks them, for the signed-in person of the current request (an item withheld from
/// them cannot become one), and carried onto the body's later meetings while open.
/// </summary>
public interface IMeetingActions
{
    /// <summary>Makes the action item; a refusal is thrown as a <c>PlatformException</c> naming each failing
    /// field.</summary>
    Task<MeetingAction> CreateAsync(
        string tenantId,
        Meetings.Meeting meeting,
        ActionRequest request,
        CancellationToken cancellationToken = default
    );

    /// <summary>The action items decided at the meeting, as the current reader may see them.</summary>
    Task<IReadOnlyList<MeetingAction>> ListAsync(
        string tenantId,
        Meetings.Meeting meeting,
        CancellationToken cancellationToken = default
    );
}
