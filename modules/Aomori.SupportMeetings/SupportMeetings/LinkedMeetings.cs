using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.People;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>A meeting of a body that the district's support meeting counts, and the promoters who carried information
/// to it.</summary>
public sealed record LinkedMeeting(
    string MeetingId,
    string BodyName,
    string Title,
    DateOnly Date,
    string DateJapanese,
    MeetingStatus Status,
    IReadOnlyList<string> Carriers
);

/// <summary>
/// 新城's arrangement: another body's meetings count as support meetings, and the support promoters who are members
/// of the support meeting and attend those meetings carry information between the two. A promoter counts as
/// attending when named among the meeting's attendees.
/// </summary>
public sealed class LinkedMeetings(IBodies bodies, IMeetings meetings, IPeople people)
{
    public async Task<IReadOnlyList<LinkedMeeting>> ForAsync(
        string tenantId,
        Body supportBody,
        CancellationToken cancellationToken
    )
    {
        var promoterIds = supportBody.Members.Select(m => m.PersonId).OfType<string>().ToHashSet();
        var promoters = (await people.ListAsync(tenantId, cancellationToken))
            .Where(p => promoterIds.Contains(p.Id) && p.Roles.Any(r => r.Role == PersonRoleKind.SupportPromoter))
            .ToList();
        var result = new List<LinkedMeeting>();
        foreach (var bodyId in supportBody.CountedBodyIds)
        {
            var body = await bodies.FindAsync(tenantId, bodyId, cancellationToken);
            if (body is null)
                continue;
            foreach (var m in await meetings.ListAsync(tenantId, new MeetingFilter(BodyId: bodyId), cancellationToken))
            {
                var carriers = promoters
                    .Where(p => m.Attendance.Attendees.Contains(p.Name))
                    .Select(p => p.Name)
                    .ToList();
                result.Add(new LinkedMeeting(m.Id, body.Name, m.Title, m.Date, m.DateText(), m.Status, carriers));
            }
        }
        return result.OrderBy(l => l.Date).ToList();
    }
}
