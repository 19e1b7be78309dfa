using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;

namespace Platform.Core.Meetings;

/// <summary>Builds the <see cref="MeetingView"/> that the API and pages show from a meeting, its body and the tenant's
/// organisations.</summary>
public static class MeetingViews
{
    public static MeetingView From(
        Meeting m,
        Body body,
        IReadOnlyDictionary<string, Organisation> organisations,
        IReadOnlyList<OrganisationType> types,
        IReadOnlyList<MeetingKind> kinds
    )
    {
        ConvenedOrganisation Describe(string id, string source, string? reason)
        {
            var o = organisations.GetValueOrDefault(id);
            return new ConvenedOrganisation(
                id,
                o?.Name ?? id,
                types.FirstOrDefault(t => t.Id == o?.TypeId)?.Name ?? "",
                source,
                reason
            );
        }

        var removed = m.Convening.Where(c => !c.Added).Select(c => c.OrganisationId).ToHashSet();
        var convened = body
            .DefaultScope.Where(id => !removed.Contains(id))
            .Select(id => Describe(id, "default", null))
            .Concat(
                m.Convening.Where(c => c.Added && !body.DefaultScope.Contains(c.OrganisationId))
                    .Select(c => Describe(c.OrganisationId, "added", c.Reason))
            )
            .ToList();
        var leftOut = m
            .Convening.Where(c => !c.Added && body.DefaultScope.Contains(c.OrganisationId))
            .Select(c => Describe(c.OrganisationId, "removed", c.Reason))
            .ToList();
        var warnings = new List<MeetingWarning>();
        if (m.Attendance.TotalMismatch)
            warnings.Add(
                new MeetingWarning(
                    "meeting.attendance_total_mismatch",
                    $"記載の合計（{m.Attendance.StatedTotal}名）と内訳の合計（{m.Attendance.CountedTotal}名）が一致しません。記載どおり保存しています。原本を確認してください。"
                )
            );
        var year = FiscalYear.Of(m.Date);
        return new MeetingView(
            m.Id,
            m.BodyId,
            body.Name,
            body.DistrictId,
            m.Kind,
            MeetingKinds.NameOf(m.Kind, kinds),
            m.Title,
            m.Date,
            m.DateText(),
            year.Year,
            year.Name,
            m.Slots,
            m.Venue,
            m.Room,
            m.Status,
            m.Status.Japanese(),
            convened,
            leftOut,
            m.Attendance,
            m.Attendance.CountedTotal,
            m.IsPublic,
            m.MinutesPublic,
            m.NextMeetingDate,
            m.HeldAt,
            m.MinutesApprovedAt,
            warnings,
            m.Extra,
            (kinds.FirstOrDefault(k => k.Id == m.Kind)?.Fields ?? [])
                .Where(f => m.Extra?.ContainsKey(f.Id) == true)
                .Select(f => new ExtraField(f.Id, f.Label, m.Extra![f.Id]))
                .ToList()
        )
        {
            DatePrecision = m.DatePrecision,
        };
    }
}
