using Platform.Abstractions.Meetings;
using Platform.Core.Bodies;
using Platform.Core.Calendar;
using Platform.Core.Organisations;

namespace Platform.Core.Meetings;

/// <summary>An organisation convened to a meeting: from the body's default scope, or added for this case (with why), or left out.</summary>
public sealed record ConvenedOrganisation(string OrganisationId, string Name, string TypeName, string Source, string? Reason);

public sealed record MeetingWarning(string Code, string Message);

/// <summary>A value of a field that the meeting's kind adds, with its label.</summary>
public sealed record ExtraField(string Id, string Label, string Value);

/// <summary>A meeting as the API and the pages show it: with its body, 和暦 date, fiscal year, convening scope and warnings.</summary>
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
    IReadOnlyList<ExtraField> ExtraFields)
{
    public static MeetingView From(Meeting m, Body body, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyList<OrganisationType> types,
        IReadOnlyList<MeetingKind> kinds)
    {
        ConvenedOrganisation Describe(string id, string source, string? reason)
        {
            var o = organisations.GetValueOrDefault(id);
            return new ConvenedOrganisation(id, o?.Name ?? id, types.FirstOrDefault(t => t.Id == o?.TypeId)?.Name ?? "", source, reason);
        }

        var removed = m.Convening.Where(c => !c.Added).Select(c => c.OrganisationId).ToHashSet();
        var convened = body.DefaultScope.Where(id => !removed.Contains(id)).Select(id => Describe(id, "default", null))
            .Concat(m.Convening.Where(c => c.Added && !body.DefaultScope.Contains(c.OrganisationId)).Select(c => Describe(c.OrganisationId, "added", c.Reason)))
            .ToList();
        var leftOut = m.Convening.Where(c => !c.Added && body.DefaultScope.Contains(c.OrganisationId)).Select(c => Describe(c.OrganisationId, "removed", c.Reason)).ToList();
        var warnings = new List<MeetingWarning>();
        if (m.Attendance.TotalMismatch)
            warnings.Add(new MeetingWarning("meeting.attendance_total_mismatch",
                $"記載の合計（{m.Attendance.StatedTotal}名）と内訳の合計（{m.Attendance.CountedTotal}名）が一致しません。記載どおり保存しています。原本を確認してください。"));
        var year = Calendar.FiscalYear.Of(m.Date);
        return new MeetingView(m.Id, m.BodyId, body.Name, body.DistrictId, m.Kind, MeetingKinds.NameOf(m.Kind, kinds), m.Title, m.Date, Wareki.Format(m.Date),
            year.Year, year.Name, m.Slots, m.Venue, m.Room, m.Status, m.Status.Japanese(), convened, leftOut, m.Attendance, m.Attendance.CountedTotal,
            m.IsPublic, m.MinutesPublic, m.NextMeetingDate, m.HeldAt, m.MinutesApprovedAt, warnings, m.Extra,
            (kinds.FirstOrDefault(k => k.Id == m.Kind)?.Fields ?? []).Where(f => m.Extra?.ContainsKey(f.Id) == true)
                .Select(f => new ExtraField(f.Id, f.Label, m.Extra![f.Id])).ToList());
    }
}
