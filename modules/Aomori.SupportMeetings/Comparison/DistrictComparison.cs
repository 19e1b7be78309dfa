using Aomori.SupportMeetings.SupportMeetings;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;

namespace Aomori.SupportMeetings.Comparison;

/// <summary>A column of the comparison: how a district runs its support meeting, whom it convenes beyond the design,
/// what comes next.</summary>
public sealed record ComparisonRow(
    string DistrictId,
    string DistrictName,
    string HostName,
    IReadOnlyList<string> HowRun,
    IReadOnlyList<string> CharacteristicScope,
    IReadOnlyList<string> NextSteps
);

/// <summary>
/// The "２地区の特徴" table of Aomori's design, built from the data: the support-meeting body, the bodies it counts and
/// their hosts, the district's settings, the organisations convened whose type is not among the design's WHO, and
/// the meetings planned.
/// </summary>
public sealed class DistrictComparison(
    SupportMeetingBodies supportMeetings,
    IBodies bodies,
    IOrganisations organisations,
    IMeetings meetings
)
{
    public async Task<ComparisonRow?> RowAsync(
        string tenantId,
        District district,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var districtId = district.Id;
        if (await supportMeetings.FindAsync(tenantId, districtId, cancellationToken) is not { } body)
            return null;
        var settings = await supportMeetings.SettingsAsync(tenantId, districtId);
        var all = await bodies.ListAsync(tenantId, cancellationToken: cancellationToken);
        var orgs = (await organisations.ListAsync(tenantId, cancellationToken: cancellationToken)).ToDictionary(o =>
            o.Id
        );
        var types = (await organisations.TypesAsync(tenantId, cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
        string Host(Body b) => b.HostOrganisationId is { } h && orgs.TryGetValue(h, out var o) ? o.Name : "";
        var counted = all.Where(b => body.CountedBodyIds.Contains(b.Id)).ToList();

        var howRun = new List<string>();
        foreach (var c in counted)
            howRun.Add($"{Host(c)}が主催する「{c.Name}」を「地域支え合い会議」のひとつとみなし、会議を開催");
        if (settings.RequireSteeringCommitteeFirst)
            howRun.Add("幹事会での検討を踏まえて、地域支え合い会議を開催");
        if (howRun.Count == 0)
            howRun.Add($"{Host(body)}の主催で、地域支え合い会議を開催");

        var bodyIds = counted.Select(c => c.Id).Prepend(body.Id).ToHashSet();
        var theirMeetings = (
            await meetings.ListAsync(tenantId, new MeetingFilter(DistrictId: districtId), cancellationToken)
        )
            .Where(m => bodyIds.Contains(m.BodyId) || m.Kind == "steering-committee")
            .ToList();
        var convened = body.DefaultScope.Concat(
            theirMeetings.SelectMany(m => m.Convening.Where(c => c.Added).Select(c => c.OrganisationId))
        );
        var characteristic = convened
            .Select(id => orgs.GetValueOrDefault(id)?.TypeId)
            .OfType<string>()
            .Where(t => !SupportMeetingBodies.ScopeTypes.Contains(t))
            .Distinct()
            .Select(t => types.GetValueOrDefault(t, t))
            .ToList();

        var next = new List<string>();
        if (counted.Count > 0)
            next.Add(
                $"{string.Join("と", counted.Select(Host).Prepend(Host(body)).Distinct())}主催の両会議を調整しながら開催"
            );
        if (settings.RequireSteeringCommitteeFirst)
        {
            var members = body
                .DefaultScope.Select(id => orgs.GetValueOrDefault(id)?.TypeId)
                .OfType<string>()
                .Distinct()
                .Select(t => types.GetValueOrDefault(t, t));
            next.Add($"{string.Join("、", members)}等の参加による幹事会を開催");
        }
        next.AddRange(
            theirMeetings
                .Where(m => m.Status == MeetingStatus.Planned && m.Date >= today)
                .Select(m => $"次回：{m.Title}（{m.DateText()}）")
        );
        return new ComparisonRow(districtId, district.Name, Host(body), howRun, characteristic, next);
    }
}
