using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Errors;
using Platform.Core.Bodies;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.Privacy;
using Platform.Core.Tenancy;

namespace Platform.Core.Minutes;

public sealed class MinutesService(MeetingStore meetings, MeetingContext context, BodyStore bodies, DistrictStore districts, OrganisationStore organisations,
    Disclosure disclosure)
{
    /// <param name="audience">Null: the signed-in reader; <see cref="Audience.Public"/>: the public version.</param>
    public async Task<Minutes> LoadAsync(HttpContext http, string meetingId, bool requireHeld, Audience? audience = null)
    {
        audience ??= http.Audience();
        var tenant = http.Tenant();
        var meeting = await meetings.GetAsync(tenant.Id, meetingId, http.RequestAborted);
        if (requireHeld && meeting.Status is MeetingStatus.Planned or MeetingStatus.Cancelled)
            throw new PlatformException(409, "minutes.not_held", "まだ概要はありません。",
                $"この会議は「{meeting.Status.Japanese()}」です。概要は開催済みの会議について作成されます。予定は format=ics で取得できます。");
        var body = await bodies.GetAsync(tenant.Id, meeting.BodyId, http.RequestAborted);
        var district = body.DistrictId is null ? null : await districts.FindAsync(tenant.Id, body.DistrictId, http.RequestAborted);
        var tenantOrganisations = await organisations.ListAsync(tenant.Id, cancellationToken: http.RequestAborted);
        var (record, handouts) = await disclosure.RecordAndHandoutsAsync(http, meeting, audience);
        return new Minutes(tenant, body, district, await context.ViewAsync(http, meeting, body, tenantOrganisations), record, tenantOrganisations.ToDictionary(o => o.Id),
            handouts, audience.IsPublic);
    }
}
