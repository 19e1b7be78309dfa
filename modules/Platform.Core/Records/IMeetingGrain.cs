namespace Platform.Core.Records;

/// <summary>
/// The single writer of one meeting's record, keyed <c>{tenant}/{meeting}</c>. Several staff record the same
/// meeting at once: the grain numbers every entry in the order it accepts them, writes concurrent entries in one
/// transaction, answers each caller only once its entry is durable, and wakes the recorders' pages.
/// </summary>
[Alias("Platform.Core.Records.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithStringKey
{
    // An entry with an entry key (the Idempotency-Key its page sent) is stored once: the same key again, after a lost
    // answer or on the host that took over the meeting, is answered with the entry it was first given to.
    [Alias("AddAgendaItem.2")]
    Task<RecordResult> AddAgendaItem(string title, string? entryKey);

    [Alias("AddOpinion.2")]
    Task<RecordResult> AddOpinion(OpinionInput opinion, string? entryKey);

    [Alias("AddComment.2")]
    Task<RecordResult> AddComment(CommentInput comment, string? entryKey);

    /// <summary>Renames a theme or moves it in the meeting's order; the themes after it move along.</summary>
    [Alias("CorrectAgendaItem")]
    Task<RecordResult> CorrectAgendaItem(string agendaItemId, AgendaItemChange change, string by);

    /// <summary>Corrects an opinion's wording, kind, speaker or organisation, or moves it to another theme.</summary>
    [Alias("CorrectOpinion")]
    Task<RecordResult> CorrectOpinion(string opinionId, OpinionChange change, string by);

    [Alias("CorrectComment")]
    Task<RecordResult> CorrectComment(string commentId, CommentChange change, string by);

    /// <summary>
    /// Deletes a theme (once it has no opinions), an opinion (once nothing answers it or was made from it) or a
    /// comment; answers the entry as it was.
    /// </summary>
    [Alias("Delete")]
    Task<RecordResult> Delete(string itemId, string by);

    /// <summary>
    /// Every durable entry of the meeting, in order, as stored: pages and summaries read the record from here (through
    /// <c>Disclosure</c>) rather than from the database, since the grain holds it anyway.
    /// </summary>
    [Alias("Entries")]
    Task<IReadOnlyList<RecordEntry>> Entries();

    /// <summary>
    /// Answers as soon as there are entries after <paramref name="afterSeq"/> or items revised after
    /// <paramref name="afterRevision"/> (UTC ticks; a negative one: from now on), or when <paramref name="wait"/> has
    /// passed, with those entries from the grain's memory: the live pages read nothing from the database per entry.
    /// The page's cancellation (closed, or its host stopping) ends the wait at once, so that a stopping host hands its
    /// meetings over without waiting out the pages' waits.
    /// </summary>
    [Alias("WaitForChanges.2")]
    Task<MeetingChange> WaitForChange(int afterSeq, long afterRevision, TimeSpan wait, CancellationToken cancellation);

    /// <summary>
    /// An item already recorded is now shown differently (consent withdrawn, level changed), or, with no item, the
    /// meeting's pledges changed: the open recorders' pages decide again what their reader may see and are sent the
    /// items again, so that a withdrawal hides the text there too, at once.
    /// </summary>
    [Alias("Revised")]
    Task Revised(string? itemId);

    /// <summary>Re-reads the meeting after its status changed elsewhere (a meeting with approved minutes takes no more
    /// entries).</summary>
    [Alias("Refresh")]
    Task Refresh();
}

public static class MeetingGrainKey
{
    public static string For(string tenantId, string meetingId) => $"{tenantId}/{meetingId}";
}
