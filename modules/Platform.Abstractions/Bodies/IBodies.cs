using Platform.Abstractions.Errors;

namespace Platform.Abstractions.Bodies;

/// <summary>
/// A tenant's consultative bodies, for modules and plugins. Writes are checked as the API checks them and refused with
/// a <see cref="PlatformException"/> naming each failing field; a body's cadence is recounted after a write.
/// </summary>
public interface IBodies
{
    /// <summary>The body, or null.</summary>
    Task<Body?> FindAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default);

    /// <summary>The body; 404 <c>body.not_found</c> if the tenant has none with this id.</summary>
    Task<Body> GetAsync(string tenantId, string bodyId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's bodies, or those of one district.</summary>
    Task<IReadOnlyList<Body>> ListAsync(
        string tenantId,
        string? districtId = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>Creates a body.</summary>
    Task<Body> CreateAsync(string tenantId, BodyInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes the fields of <paramref name="input"/> that are not null; the others keep their
    /// values.</summary>
    Task<Body> UpdateAsync(
        string tenantId,
        string bodyId,
        BodyInput input,
        CancellationToken cancellationToken = default
    );
}
