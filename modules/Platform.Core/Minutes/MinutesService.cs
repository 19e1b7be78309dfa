using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Bodies;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.Privacy;

namespace Platform.Core.Minutes;

public sealed class MinutesService(
    MeetingStore meetings,
    MeetingContext context,
    BodyStore bodies,
    DistrictStore districts,
    OrganisationStore organisations,
    Disclosure disclosure
)
{
    /// <summary>
    /// The summary as <paramref name="audience"/> may read it (the public version for <see cref="Audience.Public"/>),
    /// inside a request or not (the CLI); <paramref name="path"/> names the reading in the audit log.
    /// </summary>
    public async Task<Minutes> LoadAsync(
        TenantInfo tenant,
        string meetingId,
        Audience audience,
        string path,
        bool requireHeld,
        CancellationToken cancellationToken
    )
    {
        var meeting = await meetings.GetAsync(tenant.Id, meetingId, cancellationToken);
        if (requireHeld && meeting.Status is MeetingStatus.Planned or MeetingStatus.Cancelled)
            throw new PlatformException(
                409,
                "minutes.not_held",
                "まだ概要はありません。",
                $"この会議は「{meeting.Status.Japanese()}」です。概要は開催済みの会議について作成されます。予定は format=ics で取得できます。"
            );
        var body = await bodies.GetAsync(tenant.Id, meeting.BodyId, cancellationToken);
        var district = body.DistrictId is null
            ? null
            : await districts.FindAsync(tenant.Id, body.DistrictId, cancellationToken);
        var tenantOrganisations = await organisations.ListAsync(tenant.Id, cancellationToken: cancellationToken);
        var (record, handouts) = await disclosure.RecordAndHandoutsAsync(
            tenant.Id,
            meeting,
            audience,
            path,
            cancellationToken
        );
        return new Minutes(
            tenant,
            body,
            district,
            await context.ViewAsync(tenant.Id, meeting, body, tenantOrganisations, cancellationToken),
            record,
            tenantOrganisations.ToDictionary(o => o.Id),
            handouts,
            audience.IsPublic,
            await meetings.ReopeningsAsync(tenant.Id, meeting.Id, cancellationToken)
        );
    }
}
