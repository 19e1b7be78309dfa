using Platform.Abstractions.Bodies;
using Platform.Abstractions.Events;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>Copies a district's cadence settings onto its support-meeting body when they are saved, so cadence follows
/// them.</summary>
public sealed class SettingsSync(SupportMeetingBodies supportMeetings, IBodies bodies)
    : IEventHandler<ModuleSettingsChanged>
{
    public async Task HandleAsync(ModuleSettingsChanged @event, CancellationToken cancellationToken)
    {
        if (@event.ModuleId != SupportMeetingBodies.ModuleId || @event.DistrictId is not { } districtId)
            return;
        if (await supportMeetings.FindAsync(@event.TenantId, districtId, cancellationToken) is not { } body)
            return;
        var settings = await supportMeetings.SettingsAsync(@event.TenantId, districtId);
        await bodies.UpdateAsync(
            @event.TenantId,
            body.Id,
            new BodyInput(Cadence: SupportMeetingBodies.CadenceOf(settings)),
            cancellationToken
        );
    }
}
