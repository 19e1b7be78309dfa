namespace Platform.Abstractions.Meetings;

/// <summary>An organisation convened to a meeting: from the body's default scope, or added for this case (with why), or
/// left out.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="TypeName">Its type's Japanese name.</param>
/// <param name="Source"><c>default</c>, <c>added</c> or <c>removed</c>.</param>
/// <param name="Reason">Why it was added or left out.</param>
public sealed record ConvenedOrganisation(
    string OrganisationId,
    string Name,
    string TypeName,
    string Source,
    string? Reason
);

/// <summary>Something about a meeting that staff should check, e.g. a stated total that differs from the
/// counts.</summary>
/// <param name="Code">Stable code, e.g. <c>meeting.attendance_total_mismatch</c>.</param>
/// <param name="Message">Japanese message.</param>
public sealed record MeetingWarning(string Code, string Message);

/// <summary>A value of a field that the meeting's kind adds, with its label.</summary>
/// <param name="Id">The field's id.</param>
/// <param name="Label">Its Japanese label.</param>
/// <param name="Value">Its value.</param>
public sealed record ExtraField(string Id, string Label, string Value);

/// <summary>
/// A meeting as the API and the pages show it: with its body, 和暦 date, fiscal year, convening scope and warnings.
/// The members not described here are those of <see cref="Meeting"/>.
/// </summary>
/// <param name="Id">Meeting id.</param>
/// <param name="BodyId">Its body.</param>
/// <param name="BodyName">Its body's name.</param>
/// <param name="DistrictId">Its body's district, if it has one.</param>
/// <param name="Kind">Its kind's id.</param>
/// <param name="KindName">Its kind's Japanese name.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its day.</param>
/// <param name="DateJapanese">Its day in 和暦 with the weekday: 令和元年１１月１９日（火）.</param>
/// <param name="FiscalYear">The fiscal year it falls in.</param>
/// <param name="FiscalYearName">That fiscal year's 和暦 name.</param>
/// <param name="Slots">Its sittings.</param>
/// <param name="Venue">Where.</param>
/// <param name="Room">The room.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="StatusName">Its status in Japanese.</param>
/// <param name="Convened">Organisations convened.</param>
/// <param name="LeftOut">Organisations of the default scope left out this time.</param>
/// <param name="Attendance">Who came.</param>
/// <param name="CountedTotal">How many came, by the counts.</param>
/// <param name="IsPublic">Whether it is open to the public.</param>
/// <param name="MinutesPublic">Whether its summary may be published.</param>
/// <param name="NextMeetingDate">The next meeting's date.</param>
/// <param name="HeldAt">When it was marked held.</param>
/// <param name="MinutesApprovedAt">When its summary was confirmed.</param>
/// <param name="Warnings">What staff should check.</param>
/// <param name="Extra">Values of its kind's own fields.</param>
/// <param name="ExtraFields">The same with their labels, in the kind's order.</param>
public sealed record MeetingView(
    string Id,
    string BodyId,
    string BodyName,
    string? DistrictId,
    string Kind,
    string KindName,
    string Title,
    DateOnly Date,
    string DateJapanese,
    int FiscalYear,
    string FiscalYearName,
    IReadOnlyList<TimeSlot> Slots,
    string? Venue,
    string? Room,
    MeetingStatus Status,
    string StatusName,
    IReadOnlyList<ConvenedOrganisation> Convened,
    IReadOnlyList<ConvenedOrganisation> LeftOut,
    Attendance Attendance,
    int CountedTotal,
    bool IsPublic,
    bool MinutesPublic,
    DateOnly? NextMeetingDate,
    string? HeldAt,
    string? MinutesApprovedAt,
    IReadOnlyList<MeetingWarning> Warnings,
    IReadOnlyDictionary<string, string>? Extra,
    IReadOnlyList<ExtraField> ExtraFields
)
{
    /// <summary>How much of <see cref="Date"/> is known (<see cref="Meeting.DatePrecision"/>); <see
    /// cref="DateJapanese"/> says only that much.</summary>
    public Calendar.DatePrecision DatePrecision { get; init; } = Calendar.DatePrecision.Day;
}
