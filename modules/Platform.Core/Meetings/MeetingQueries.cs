using Platform.Abstractions.Meetings;
using Platform.Core.Bodies;

namespace Platform.Core.Meetings;

/// <summary>The SDK's read-only view of meetings, for reports of modules and plugins.</summary>
public sealed class MeetingQueries(MeetingStore meetings, BodyStore bodies) : IMeetingQueries
{
    public async Task<IReadOnlyList<MeetingFact>> ListAsync(
        string tenantId,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken = default
    )
    {
        var bodyMap = (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken)).ToDictionary(b => b.Id);
        return (await meetings.ListAsync(tenantId, new MeetingStore.Filter(From: from, To: to), cancellationToken))
            .Select(m => new MeetingFact(
                m.Id,
                m.BodyId,
                bodyMap[m.BodyId].Name,
                bodyMap[m.BodyId].Tier,
                bodyMap[m.BodyId].DistrictId,
                m.Kind,
                m.Date,
                m.Status
            ))
            .ToList();
    }
}
