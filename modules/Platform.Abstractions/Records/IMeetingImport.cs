using Platform.Abstractions.Data;
using Platform.Abstractions.Meetings;

namespace Platform.Abstractions.Records;

/// <summary>An opinion of an imported theme; a response (⇒) answers the last opinion before it that is not
/// one.</summary>
/// <param name="Text">What was said.</param>
/// <param name="IsResponse">A response to the opinion before it.</param>
public sealed record ImportedOpinion(string Text, bool IsResponse);

/// <summary>An imported theme with its opinions.</summary>
/// <param name="Title">The theme.</param>
/// <param name="Opinions">Its opinions, in order.</param>
public sealed record ImportedTheme(string Title, IReadOnlyList<ImportedOpinion> Opinions);

/// <summary>An imported comment or overall review.</summary>
/// <param name="Speaker">Who said it.</param>
/// <param name="Role">Their role.</param>
/// <param name="Position">Their position.</param>
/// <param name="Text">What was said.</param>
/// <param name="IsReview">The overall review rather than a comment.</param>
public sealed record ImportedComment(string Speaker, string? Role, string? Position, string Text, bool IsReview);

/// <summary>A meeting that was held, with what was said at it, from a document.</summary>
/// <param name="Input">The meeting, checked as <see cref="IMeetings.PlanAsync"/> checks it (built-in kinds).</param>
/// <param name="Themes">Its themes and opinions.</param>
/// <param name="Comments">Its comments and reviews.</param>
public sealed record ImportedMeeting(
    MeetingInput Input,
    IReadOnlyList<ImportedTheme> Themes,
    IReadOnlyList<ImportedComment> Comments
);

/// <summary>
/// Writes meetings that were held, with their records, from a published document (a prefecture's 概要). What a
/// published document says is public, so every item is recorded as 公開; staff lower an item afterwards if need be.
/// </summary>
public interface IMeetingImport
{
    /// <summary>
    /// Checks every meeting first, then in one transaction removes the meetings of <paramref name="replacing"/> with
    /// everything recorded at them, writes the new meetings as held with their records (numbered 1, 2 … in the order
    /// given: each theme followed by its opinions, then the comments), and calls <paramref name="alsoWrite"/> with the
    /// new meetings, for the module's own rows. Either all of it is written or none. Cadence is recounted afterwards.
    /// </summary>
    Task<IReadOnlyList<Meeting>> ImportAsync(
        string tenantId,
        IReadOnlyList<ImportedMeeting> meetings,
        IReadOnlyList<string> replacing,
        Func<IModuleTransaction, IReadOnlyList<Meeting>, Task> alsoWrite,
        CancellationToken cancellationToken = default
    );
}
