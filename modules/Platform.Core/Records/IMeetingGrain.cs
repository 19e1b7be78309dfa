namespace Platform.Core.Records;

/// <summary>
/// The single writer of one meeting's record, keyed <c>{tenant}/{meeting}</c>. Several staff record the same
/// meeting at once: the grain numbers every entry in the order it accepts them, writes concurrent entries in one
/// transaction, answers each caller only once its entry is durable, and wakes the recorders' pages.
/// </summary>
[Alias("Platform.Core.Records.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithStringKey
{
    [Alias("AddAgendaItem")]
    Task<RecordResult> AddAgendaItem(string title);

    [Alias("AddOpinion")]
    Task<RecordResult> AddOpinion(OpinionInput opinion);

    [Alias("AddComment")]
    Task<RecordResult> AddComment(CommentInput comment);

    /// <summary>Returns the last durable sequence number as soon as it is above <paramref name="afterSeq"/>, or when <paramref name="wait"/> has passed.</summary>
    [Alias("WaitForChange")]
    Task<int> WaitForChange(int afterSeq, TimeSpan wait);

    /// <summary>Re-reads the meeting after its status changed elsewhere (a meeting with approved minutes takes no more entries).</summary>
    [Alias("Refresh")]
    Task Refresh();
}

public static class MeetingGrainKey
{
    public static string For(string tenantId, string meetingId) => $"{tenantId}/{meetingId}";
}
