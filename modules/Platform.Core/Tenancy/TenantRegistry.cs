using System.Collections.Concurrent;
using Platform.Abstractions.Tenancy;

namespace Platform.Core.Tenancy;

/// <summary>
/// Resolves tenants for requests. A tenant costs one small record here once it has been asked for; tenants that
/// are never asked for cost nothing. A tenant created by another host of the cluster is found on first request.
/// Unknown ids are looked up each time; they are cheap primary-key reads and caching them would let a
/// newly created tenant stay invisible.
/// </summary>
public sealed class TenantRegistry(TenantStore store)
{
    private readonly ConcurrentDictionary<string, TenantInfo> _tenants = new(StringComparer.Ordinal);
    private volatile IReadOnlyDictionary<string, string>? _hostNames;

    public async ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        if (_tenants.TryGetValue(tenantId, out var cached))
            return cached;
        if (!TenantRules.IsValidSlug(tenantId))
            return null;
        var tenant = await store.FindAsync(tenantId, cancellationToken);
        if (tenant is not null)
            _tenants[tenantId] = tenant;
        return tenant;
    }

    public async ValueTask<string?> FindByHostNameAsync(string hostName, CancellationToken cancellationToken = default)
    {
        _hostNames ??= await store.HostNamesAsync(cancellationToken);
        return _hostNames.TryGetValue(hostName, out var tenantId) ? tenantId : null;
    }

    public async Task<TenantInfo> CreateAsync(NewTenant tenant, CancellationToken cancellationToken = default)
    {
        var created = await store.CreateAsync(tenant, cancellationToken);
        _tenants[created.Id] = created;
        _hostNames = null;
        return created;
    }
}
