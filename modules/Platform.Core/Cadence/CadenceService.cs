using Platform.Core.Bodies;
using Platform.Core.Meetings;

namespace Platform.Core.Cadence;

[GenerateSerializer, Immutable]
public sealed record CountedMeeting(
    string Id,
    string BodyId,
    string Title,
    DateOnly Date,
    MeetingStatus Status,
    bool FromCountedBody
);

[GenerateSerializer, Immutable]
public sealed record BodyCadence(string BodyId, string Name, CadencePolicy Policy, CadenceResult Result);

/// <summary>A district's cadence in one fiscal year: every active body there, and the district as a whole (its worst
/// body).</summary>
[GenerateSerializer, Immutable]
public sealed record DistrictCadence(
    string DistrictId,
    int FiscalYear,
    DateOnly EvaluatedOn,
    CadenceResult Result,
    IReadOnlyList<BodyCadence> Bodies,
    IReadOnlyList<CountedMeeting> Meetings
);

/// <summary>Reads bodies and meetings and applies <see cref="CadenceCalculator"/>. The district grain keeps its
/// results.</summary>
public sealed class CadenceService(BodyStore bodies, MeetingStore meetings)
{
    public async Task<DistrictCadence> ForDistrictAsync(
        string tenantId,
        string districtId,
        FiscalYear year,
        DateOnly today,
        CancellationToken cancellationToken = default
    )
    {
        // The district's own bodies only: a counted body of another district is read by its id (EvaluateAsync), not
        // listed. (Listing the tenant's bodies here made a large city's first dashboard read all its bodies once per
        // district.)
        var here = (await bodies.ListAsync(tenantId, districtId, cancellationToken))
            .Where(b => b.Status == BodyStatus.Active)
            .ToList();
        var results = new List<BodyCadence>();
        var counted = new Dictionary<string, CountedMeeting>();
        foreach (var body in here)
        {
            var (result, list) = await EvaluateAsync(tenantId, body, year, today, cancellationToken);
            results.Add(new BodyCadence(body.Id, body.Name, body.Cadence, result));
            foreach (var m in list)
                counted.TryAdd(m.Id, m);
        }
        var inYear = counted.Values.Where(m => year.Contains(m.Date)).OrderBy(m => m.Date).ToList();
        CadenceResult district;
        if (here.Count == 0)
        {
            district = new CadenceResult(
                0,
                0,
                CadenceStatus.NoBody,
                null,
                null,
                null,
                ["この地区には活動中の協議体がありません。協議体を登録してください。"]
            );
        }
        else
        {
            var lastHeld = results.Select(r => r.Result.LastHeld).Max();
            district = new CadenceResult(
                inYear.Count(m => IsHeld(m.Status)),
                results.Sum(r => r.Result.Planned),
                CadenceCalculator.Worst(results.Select(r => r.Result.Status)),
                lastHeld,
                lastHeld is { } l ? today.DayNumber - l.DayNumber : null,
                results.Select(r => r.Result.NextPlanned).Where(d => d is not null).Min(),
                results.SelectMany(r => r.Result.Reasons.Select(reason => $"{r.Name}: {reason}")).ToList()
            );
        }
        return new DistrictCadence(districtId, year.Year, today, district, results, inYear);
    }

    public async Task<BodyCadence> ForBodyAsync(
        string tenantId,
        Body body,
        FiscalYear year,
        DateOnly today,
        CancellationToken cancellationToken = default
    )
    {
        var (result, _) = await EvaluateAsync(tenantId, body, year, today, cancellationToken);
        return new BodyCadence(body.Id, body.Name, body.Cadence, result);
    }

    private async Task<(CadenceResult, List<CountedMeeting>)> EvaluateAsync(
        string tenantId,
        Body body,
        FiscalYear year,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var list = new List<CountedMeeting>();
        foreach (var bodyId in body.CountedBodyIds.Prepend(body.Id).Distinct())
        {
            // The kinds the body names; by default each body's regular meetings (a counted body read for its kind).
            var owner = bodyId == body.Id ? body : await bodies.FindAsync(tenantId, bodyId, cancellationToken);
            if (owner is null)
                continue;
            var kinds = CadenceCalculator.CountedKinds(body, owner);
            // Back to the previous fiscal year, so that the gap since the last meeting crosses the year boundary.
            var found = await meetings.ListAsync(
                tenantId,
                new MeetingStore.Filter(BodyId: bodyId, From: year.Start.AddYears(-1), To: year.End),
                cancellationToken
            );
            list.AddRange(
                found
                    .Where(m => m.Status != MeetingStatus.Cancelled && kinds.Contains(m.Kind))
                    .Select(m => new CountedMeeting(m.Id, m.BodyId, m.Title, m.Date, m.Status, bodyId != body.Id))
            );
        }
        var held = list.Where(m => IsHeld(m.Status)).Select(m => m.Date).ToList();
        var planned = list.Where(m => m.Status == MeetingStatus.Planned).Select(m => m.Date).ToList();
        return (CadenceCalculator.Evaluate(body.Cadence, year, today, held, planned), list);
    }

    private static bool IsHeld(MeetingStatus status) => status is MeetingStatus.Held or MeetingStatus.MinutesApproved;
}
