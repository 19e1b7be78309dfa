using Platform.Core.Privacy;

namespace Platform.Core.Records;

public enum ActionStatus
{
    Open,
    Done,
    Dropped,
}

/// <summary>
/// Something to do that came out of a meeting, often from one opinion. While it is open it comes back on the
/// agenda of every later meeting of the same body (継続案件), until it is done or dropped.
/// </summary>
public sealed record ActionItem(
    string Id,
    string BodyId,
    string MeetingId,
    string? OpinionId,
    string Title,
    string? OwnerOrganisationId,
    DateOnly? DueDate,
    ActionStatus Status,
    DateOnly CreatedOn,
    DateOnly? ClosedOn,
    Sensitivity Sensitivity = Sensitivity.Participants,
    PersonalBasis? Basis = null,
    Withheld? Withheld = null
)
{
    /// <summary>The comment it came from (an advisor's suggestion), as <see cref="OpinionId"/> names an
    /// opinion.</summary>
    public string? CommentId { get; init; }
}

/// <summary>An action item inherits at least the level (and, if it gives none, the basis) of the opinion it came
/// from.</summary>
public sealed record ActionItemInput(
    string? Title,
    string? OpinionId = null,
    string? OwnerOrganisationId = null,
    string? DueDate = null,
    Sensitivity? Sensitivity = null,
    PersonalBasis? Basis = null
)
{
    /// <summary>The comment it comes from; it inherits the comment's level as one from an opinion does.</summary>
    public string? CommentId { get; init; }
}

public sealed record ActionStatusInput(ActionStatus? Status);
