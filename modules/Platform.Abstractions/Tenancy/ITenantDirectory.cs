namespace Platform.Abstractions.Tenancy;

/// <summary>The tenants of this host, e.g. to link a prefecture's record of a municipality to that municipality's
/// tenant.</summary>
public interface ITenantDirectory
{
    /// <summary>Every tenant.</summary>
    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default);
}
