using Platform.Abstractions.Calendar;

namespace Platform.Abstractions.Meetings;

/// <summary>planned → held → minutes approved; a planned meeting can be cancelled.</summary>
public enum MeetingStatus
{
    /// <summary>予定: scheduled, not yet held.</summary>
    Planned,

    /// <summary>開催済み: held; its record may still be completed.</summary>
    Held,

    /// <summary>概要確定: held and its summary (概要) confirmed.</summary>
    MinutesApproved,

    /// <summary>中止: will not be held.</summary>
    Cancelled,
}

/// <summary>One sitting of a meeting day, e.g. 10:00–12:00; the Miyagi sessions have a morning and an afternoon
/// one.</summary>
/// <param name="Start">Start time, <c>HH:mm</c>.</param>
/// <param name="End">End time, <c>HH:mm</c>.</param>
public sealed record TimeSlot(string Start, string End);

/// <summary>An organisation convened in addition to the body's default scope, or left out of it, for this meeting's
/// case.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Added">True when convened in addition, false when left out.</param>
/// <param name="Reason">Why, as staff wrote it.</param>
public sealed record ConveningChange(string OrganisationId, bool Added, string? Reason = null);

/// <summary>A head count for an organisation or a municipality: 気仙沼市(19).</summary>
/// <param name="Name">Who the count is for, as the record names them.</param>
/// <param name="Count">How many came.</param>
/// <param name="OrganisationId">The organisation, where it is known.</param>
public sealed record HeadCount(string Name, int Count, string? OrganisationId = null);

/// <summary>
/// Who came. <see cref="StatedTotal"/> is the total the record states (合計 ７０名); when it differs from the sum
/// of the counts, both are kept as they are and the meeting carries a warning, because only people can tell which
/// is wrong.
/// </summary>
/// <param name="Counts">Head counts per organisation or municipality.</param>
/// <param name="Attendees">Names of people who came.</param>
/// <param name="Absentees">Names of people who sent apologies.</param>
/// <param name="Observers">How many observed (傍聴).</param>
/// <param name="StatedTotal">The total as the record states it, if it does.</param>
public sealed record Attendance(
    IReadOnlyList<HeadCount> Counts,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Absentees,
    int Observers,
    int? StatedTotal
)
{
    /// <summary>Nobody recorded yet.</summary>
    public static readonly Attendance None = new([], [], [], 0, null);

    /// <summary>The advisors (アドバイザー) present, listed apart from the members in the 概要: 東北こども福祉専門学院
    /// 副学院長 大坂 純.</summary>
    public IReadOnlyList<string> Advisors { get; init; } = [];

    /// <summary>The members of the body present (連絡会議会員), listed apart from its advisors.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The largest head count, observers or total a meeting records: far above any meeting, and such that no
    /// sum overflows.</summary>
    public const int MaxHeadCount = 100_000;

    /// <summary>The most head-count rows a meeting records (MaxHeadCount × MaxCounts stays an int).</summary>
    public const int MaxCounts = 1000;

    /// <summary>The sum of the head counts, or the number of named attendees when there are no counts.</summary>
    public int CountedTotal => Counts.Count > 0 ? Counts.Sum(c => c.Count) : Attendees.Count;

    /// <summary>Whether the stated total differs from the head counts. Named attendees are often only some of those
    /// present, so they are not compared.</summary>
    public bool TotalMismatch => StatedTotal is { } stated && Counts.Count > 0 && stated != CountedTotal;
}

/// <summary>A meeting of a consultative body, as stored.</summary>
/// <param name="Id">Meeting id.</param>
/// <param name="BodyId">The body that holds it.</param>
/// <param name="Kind">Its kind's id (<see cref="MeetingKind"/>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">The day it is held.</param>
/// <param name="Slots">Its sittings that day.</param>
/// <param name="Venue">Where.</param>
/// <param name="Room">The room at the venue.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Convening">Organisations added to or left out of the body's default scope for this meeting.</param>
/// <param name="Attendance">Who came.</param>
/// <param name="IsPublic">Whether the meeting is open to the public.</param>
/// <param name="MinutesPublic">Whether its summary may be published.</param>
/// <param name="NextMeetingDate">The next meeting's date, as this one decided it.</param>
/// <param name="HeldAt">When it was marked held (ISO 8601).</param>
/// <param name="MinutesApprovedAt">When its summary was confirmed (ISO 8601).</param>
/// <param name="RecordSeq">The number of entries in its record.</param>
/// <param name="Extra">Values of its kind's own fields, by field id.</param>
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
    IReadOnlyDictionary<string, string>? Extra = null
)
{
    /// <summary>How much of <see cref="Date"/> the record knows: a meeting that a source document dates by its month
    /// only keeps the month.</summary>
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;

    /// <summary>Its date in 和暦 to the precision known: 令和元年１１月１９日（火） or 平成３１年２月.</summary>
    public string DateText(bool fullWidth = true, bool weekday = true) =>
        DatePrecisions.Format(Date, DatePrecision, fullWidth, weekday);
}

/// <summary>A sitting as the API receives it.</summary>
/// <param name="Start">Start time: 10:00, １０：００ or 10時00分.</param>
/// <param name="End">End time, written the same ways.</param>
public sealed record SlotInput(string? Start, string? End);

/// <summary>Attendance as the API receives it; on update, fields left null keep their values.</summary>
/// <param name="Counts">Head counts.</param>
/// <param name="Attendees">Names of people who came.</param>
/// <param name="Absentees">Names of people who sent apologies.</param>
/// <param name="Observers">How many observed.</param>
/// <param name="StatedTotal">The total as the record states it.</param>
public sealed record AttendanceInput(
    List<HeadCount>? Counts = null,
    List<string>? Attendees = null,
    List<string>? Absentees = null,
    int? Observers = null,
    int? StatedTotal = null
)
{
    /// <summary>The advisors present; null keeps those recorded.</summary>
    public List<string>? Advisors { get; init; }

    /// <summary>The body's members present, apart from its advisors; null keeps those recorded.</summary>
    public List<string>? Members { get; init; }
}

/// <summary>A meeting as the API receives it: dates and times as text, so that 和暦 and full-width digits are read and an
/// impossible date is named.</summary>
/// <param name="BodyId">The body that holds it.</param>
/// <param name="Kind">Its kind's id; <c>regular</c> when left out.</param>
/// <param name="Title">Its title; made from the body and date when left out.</param>
/// <param name="Date">The day: 2026-12-10, 令和8年12月10日 ….</param>
/// <param name="Slots">Its sittings.</param>
/// <param name="Venue">Where.</param>
/// <param name="Room">The room.</param>
/// <param name="Convening">Changes to the body's default scope for this meeting.</param>
/// <param name="Attendance">Who came.</param>
/// <param name="IsPublic">Whether it is open to the public.</param>
/// <param name="MinutesPublic">Whether its summary may be published.</param>
/// <param name="NextMeetingDate">The next meeting's date.</param>
/// <param name="Extra">Values of its kind's own fields.</param>
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
    Dictionary<string, string?>? Extra = null
)
{
    /// <summary>How much of the date is known: <c>day</c> (the default), <c>month</c> or <c>fiscalYear</c>; the date
    /// is then kept as the first day of its month or fiscal year.</summary>
    public DatePrecision? DatePrecision { get; init; }
}

/// <summary>Japanese names of meeting statuses.</summary>
public static class MeetingStatusNames
{
    /// <summary>予定, 開催済み, 概要確定 or 中止.</summary>
    public static string Japanese(this MeetingStatus status) =>
        status switch
        {
            MeetingStatus.Planned => "予定",
            MeetingStatus.Held => "開催済み",
            MeetingStatus.MinutesApproved => "概要確定",
            _ => "中止",
        };
}
