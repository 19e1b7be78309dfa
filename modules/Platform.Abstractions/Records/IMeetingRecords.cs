namespace Platform.Abstractions.Records;

/// <summary>An agenda item or theme (議題・テーマ), in the meeting's order.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
public sealed record RecordTheme(string Id, string Title);

/// <summary>An opinion ("○") under a theme, or a response ("⇒") to the opinion before it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ThemeId">The theme it was said under.</param>
/// <param name="Text">What was said, or a marker (［…のため非表示］) where the reader may not see it.</param>
/// <param name="IsResponse">A response (⇒) to an earlier opinion or question.</param>
/// <param name="Speaker">Who said it, if recorded.</param>
/// <param name="Organisation">For which organisation, if recorded.</param>
/// <param name="Personal">It is about a resident (個人情報): never to be published or made into something
/// published.</param>
/// <param name="Withheld">The reader may not see it: <paramref name="Text"/> is a marker.</param>
public sealed record RecordOpinion(
    string Id,
    string ThemeId,
    string Text,
    bool IsResponse,
    string? Speaker,
    string? Organisation,
    bool Personal,
    bool Withheld
);

/// <summary>A comment by an advisor or member, or the overall review (全体講評).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Seq">Its number in the record: comments of an import are numbered in the order given (see <see
/// cref="IMeetingImport"/>).</param>
/// <param name="Text">What was said, or a marker where the reader may not see it.</param>
/// <param name="IsReview">The overall review rather than a comment.</param>
/// <param name="Speaker">Who said it; null where withheld.</param>
/// <param name="Role">Their role.</param>
/// <param name="Position">Their position (委員長 …).</param>
/// <param name="Withheld">The reader may not see it.</param>
public sealed record RecordComment(
    string Id,
    int Seq,
    string Text,
    bool IsReview,
    string? Speaker,
    string? Role,
    string? Position,
    bool Withheld
);

/// <summary>What was said at a meeting, as one reader may see it.</summary>
/// <param name="Themes">Themes in order.</param>
/// <param name="Opinions">Opinions in the order they were recorded.</param>
/// <param name="Comments">Comments and reviews in the order they were recorded.</param>
public sealed record RecordView(
    IReadOnlyList<RecordTheme> Themes,
    IReadOnlyList<RecordOpinion> Opinions,
    IReadOnlyList<RecordComment> Comments
);

/// <summary>How long an opinion or comment may be, wherever it is recorded.</summary>
public static class RecordLimits
{
    /// <summary>The most characters of one opinion or comment.</summary>
    public const int MaxTextLength = 4000;
}

/// <summary>Reads meetings' records for modules and plugins, through the same privacy rules as the core's
/// pages.</summary>
public interface IMeetingRecords
{
    /// <summary>
    /// The meeting's record as the signed-in person of the current request may see it, or as the public outside a
    /// signed-in request. Items they may not see are marked <c>Withheld</c>, with a marker for their text; every item
    /// about a resident that is shown is written to the audit log.
    /// </summary>
    Task<RecordView> ReadAsync(
        string tenantId,
        Meetings.Meeting meeting,
        CancellationToken cancellationToken = default
    );
}
