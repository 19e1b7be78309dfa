using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Meetings;
using Platform.Core.Bodies;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Organisations;
using Platform.Core.Tenancy;

namespace Platform.Core.Meetings;

/// <summary>What turning meetings into views needs, read once per request; and the district grains to tell when a
/// meeting changes.</summary>
public sealed class MeetingContext(
    BodyStore bodies,
    OrganisationStore organisations,
    IGrainFactory grains,
    ModuleGate gate,
    Lazy<IEnumerable<IMeetingKindSource>> kindSources,
    Lazy<IEnumerable<IMeetingSchedulingRule>> schedulingRules
)
{
    /// <summary>Every module's meeting kinds (a meeting of a module switched off since keeps its kind's
    /// name).</summary>
    public IReadOnlyList<MeetingKind> Kinds() => MeetingKinds.All(kindSources.Value);

    /// <summary>The kinds offered for a body's meetings: those of the modules in effect in its district.</summary>
    public async Task<IReadOnlyList<MeetingKind>> KindsForAsync(
        string tenantId,
        string? bodyId,
        CancellationToken cancellationToken
    )
    {
        var body = bodyId is null ? null : await bodies.FindAsync(tenantId, bodyId, cancellationToken);
        return MeetingKinds.All(await gate.InEffectAsync(kindSources.Value, tenantId, body?.DistrictId));
    }

    /// <summary>
    /// The scheduling rules of the modules in effect in the meeting's district, as a check for
    /// <see cref="MeetingStore"/>.
    /// </summary>
    public Func<Meeting, Task> SchedulingRules(string tenantId, CancellationToken cancellationToken) =>
        async meeting =>
        {
            var body = await bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
            var rules = await gate.InEffectAsync(schedulingRules.Value, tenantId, body.DistrictId);
            var scheduled = new ScheduledMeeting(
                tenantId,
                body.DistrictId,
                body.Id,
                body.Kind,
                meeting.Kind,
                meeting.Date
            );
            foreach (var rule in rules)
                await rule.CheckAsync(scheduled, cancellationToken);
        };

    /// <summary>One meeting as a view.</summary>
    public async Task<MeetingView> ViewAsync(string tenantId, Meeting meeting, CancellationToken cancellationToken) =>
        (await ViewsAsync(tenantId, [meeting], cancellationToken))[0];

    public Task<IReadOnlyList<MeetingView>> ViewsAsync(HttpContext http, IEnumerable<Meeting> meetings) =>
        ViewsAsync(http.Tenant().Id, meetings, http.RequestAborted);

    /// <summary>Meetings as views, for the API, the pages and the SDK's <c>IMeetings</c> alike.</summary>
    public Task<IReadOnlyList<MeetingView>> ViewsAsync(
        string tenantId,
        IEnumerable<Meeting> meetings,
        CancellationToken cancellationToken
    ) => ViewsAsync(tenantId, meetings, MeetingKinds.All(kindSources.Value), cancellationToken);

    private async Task<IReadOnlyList<MeetingView>> ViewsAsync(
        string tenantId,
        IEnumerable<Meeting> meetings,
        IReadOnlyList<MeetingKind> kinds,
        CancellationToken cancellationToken
    )
    {
        var bodyMap = (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken)).ToDictionary(b => b.Id);
        var organisationMap = (
            await organisations.ListAsync(tenantId, cancellationToken: cancellationToken)
        ).ToDictionary(o => o.Id);
        var types = await organisations.TypesAsync(tenantId, cancellationToken);
        return meetings.Select(m => MeetingViews.From(m, bodyMap[m.BodyId], organisationMap, types, kinds)).ToList();
    }

    /// <summary>
    /// One meeting, with its body and the tenant's organisations that the caller has read already (a page and a
    /// summary show them too).
    /// </summary>
    public async Task<MeetingView> ViewAsync(
        string tenantId,
        Meeting meeting,
        Body body,
        IReadOnlyList<Organisation> tenantOrganisations,
        CancellationToken cancellationToken
    ) =>
        MeetingViews.From(
            meeting,
            body,
            tenantOrganisations.ToDictionary(o => o.Id),
            await organisations.TypesAsync(tenantId, cancellationToken),
            MeetingKinds.All(kindSources.Value)
        );

    /// <summary>
    /// Tells the district grains whose cadence a meeting of <paramref name="bodyId"/> counts towards: its body's
    /// district and the districts of bodies that count this body's meetings.
    /// </summary>
    public async Task MeetingChangedAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default)
    {
        var all = await bodies.ListAsync(tenantId, cancellationToken: cancellationToken);
        var districts = all.Where(b => b.Id == bodyId || b.CountedBodyIds.Contains(bodyId))
            .Select(b => b.DistrictId)
            .OfType<string>()
            .Distinct();
        foreach (var districtId in districts)
            await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId)).MeetingChanged();
    }
}
