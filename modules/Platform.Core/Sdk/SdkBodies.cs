using Platform.Core.Bodies;
using Platform.Core.Meetings;

namespace Platform.Core.Sdk;

/// <summary>The SDK's bodies over the core's store; a write recounts cadence, as the body API does.</summary>
public sealed class SdkBodies(BodyStore bodies, BodyRules rules, MeetingContext context) : IBodies
{
    public Task<Body?> FindAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default) =>
        bodies.FindAsync(tenantId, bodyId, cancellationToken);

    public Task<Body> GetAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default) =>
        bodies.GetAsync(tenantId, bodyId, cancellationToken);

    public Task<IReadOnlyList<Body>> ListAsync(
        string tenantId,
        string? districtId = null,
        CancellationToken cancellationToken = default
    ) => bodies.ListAsync(tenantId, districtId, cancellationToken);

    public async Task<Body> CreateAsync(string tenantId, BodyInput input, CancellationToken cancellationToken = default)
    {
        var body = await rules.CreateAsync(tenantId, input, cancellationToken: cancellationToken);
        await context.MeetingChangedAsync(tenantId, body.Id, cancellationToken);
        return body;
    }

    public async Task<Body> UpdateAsync(
        string tenantId,
        string bodyId,
        BodyInput input,
        CancellationToken cancellationToken = default
    )
    {
        var body = await rules.UpdateAsync(tenantId, bodyId, input, cancellationToken);
        await context.MeetingChangedAsync(tenantId, bodyId, cancellationToken);
        return body;
    }
}
