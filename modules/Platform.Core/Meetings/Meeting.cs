namespace Platform.Core.Meetings;

/// <summary>planned → held → minutes approved; a planned meeting can be cancelled.</summary>
public enum MeetingStatus
{
    Planned,
    Held,
    MinutesApproved,
    Cancelled,
}

/// <summary>One sitting of a meeting day, e.g. 10:00–12:00; the Miyagi sessions have a morning and an afternoon one.</summary>
public sealed record TimeSlot(string Start, string End);

/// <summary>An organisation convened in addition to the body's default scope, or left out of it, for this meeting's case.</summary>
public sealed record ConveningChange(string OrganisationId, bool Added, string? Reason = null);

/// <summary>A head count for an organisation or a municipality: 気仙沼市(19).</summary>
public sealed record HeadCount(string Name, int Count, string? OrganisationId = null);

/// <summary>
/// Who came. <see cref="StatedTotal"/> is the total the record states (合計 ７０名); when it differs from the sum
/// of the counts, both are kept as they are and the meeting carries a warning, because only people can tell which
/// is wrong.
/// </summary>
public sealed record Attendance(
    IReadOnlyList<HeadCount> Counts,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Absentees,
    int Observers,
    int? StatedTotal)
{
    public static readonly Attendance None = new([], [], [], 0, null);

    /// <summary>The largest head count, observers or total a meeting records: far above any meeting, and such that no sum overflows.</summary>
    public const int MaxHeadCount = 100_000;

    /// <summary>The most head-count rows a meeting records (MaxHeadCount × MaxCounts stays an int).</summary>
    public const int MaxCounts = 1000;

    /// <summary>The sum of the head counts, or the number of named attendees when there are no counts.</summary>
    public int CountedTotal => Counts.Count > 0 ? Counts.Sum(c => c.Count) : Attendees.Count;

    /// <summary>Whether the stated total differs from the head counts. Named attendees are often only some of those present, so they are not compared.</summary>
    public bool TotalMismatch => StatedTotal is { } stated && Counts.Count > 0 && stated != CountedTotal;
}

public sealed record Meeting(
    string Id,
    string BodyId,
    string Kind,
    string Title,
    DateOnly Date,
    IReadOnlyList<TimeSlot> Slots,
    string? Venue,
    string? Room,
    MeetingStatus Status,
    IReadOnlyList<ConveningChange> Convening,
    Attendance Attendance,
    bool IsPublic,
    bool MinutesPublic,
    DateOnly? NextMeetingDate,
    string? HeldAt,
    string? MinutesApprovedAt,
    int RecordSeq,
    IReadOnlyDictionary<string, string>? Extra = null);

public sealed record SlotInput(string? Start, string? End);

public sealed record AttendanceInput(List<HeadCount>? Counts = null, List<string>? Attendees = null, List<string>? Absentees = null, int? Observers = null, int? StatedTotal = null);

/// <summary>A meeting as the API receives it: dates and times as text, so that 和暦 and full-width digits are read and an impossible date is named.</summary>
public sealed record MeetingInput(
    string? BodyId = null,
    string? Kind = null,
    string? Title = null,
    string? Date = null,
    List<SlotInput>? Slots = null,
    string? Venue = null,
    string? Room = null,
    List<ConveningChange>? Convening = null,
    AttendanceInput? Attendance = null,
    bool? IsPublic = null,
    bool? MinutesPublic = null,
    string? NextMeetingDate = null,
    Dictionary<string, string?>? Extra = null);

public static class MeetingStatusNames
{
    public static string Japanese(this MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "予定",
        MeetingStatus.Held => "開催済み",
        MeetingStatus.MinutesApproved => "概要確定",
        _ => "中止",
    };
}
