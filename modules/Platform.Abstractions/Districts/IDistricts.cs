namespace Platform.Abstractions.Districts;

/// <summary>A tenant's districts, for modules and plugins.</summary>
public interface IDistricts
{
    /// <summary>The tenant's districts, in their order.</summary>
    Task<IReadOnlyList<District>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>The district, or null.</summary>
    Task<District?> FindAsync(string tenantId, string districtId, CancellationToken cancellationToken = default);

    /// <summary>The district; 404 <c>district.not_found</c> if the tenant has none with this id.</summary>
    Task<District> GetAsync(string tenantId, string districtId, CancellationToken cancellationToken = default);
}
