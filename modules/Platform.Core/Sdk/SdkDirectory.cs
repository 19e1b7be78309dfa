using Platform.Abstractions.Tenancy;
using Platform.Core.Districts;
using Platform.Core.Organisations;
using Platform.Core.People;
using Platform.Core.Tenancy;

namespace Platform.Core.Sdk;

/// <summary>The SDK's read access to districts, organisations, people and tenants, over the core's stores.</summary>
public sealed class SdkDirectory(
    DistrictStore districts,
    OrganisationStore organisations,
    OrganisationRules organisationRules,
    PersonStore people,
    TenantStore tenants
) : IDistricts, IOrganisations, IPeople, ITenantDirectory
{
    public Task<IReadOnlyList<District>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        districts.ListAsync(tenantId, cancellationToken);

    public Task<District?> FindAsync(
        string tenantId,
        string districtId,
        CancellationToken cancellationToken = default
    ) => districts.FindAsync(tenantId, districtId, cancellationToken);

    public Task<District> GetAsync(string tenantId, string districtId, CancellationToken cancellationToken = default) =>
        districts.GetAsync(tenantId, districtId, cancellationToken);

    Task<IReadOnlyList<Organisation>> IOrganisations.ListAsync(
        string tenantId,
        string? districtId,
        CancellationToken cancellationToken
    ) => organisations.ListAsync(tenantId, districtId, cancellationToken);

    public Task<IReadOnlyList<OrganisationType>> TypesAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    ) => organisations.TypesAsync(tenantId, cancellationToken);

    public Task<Organisation> CreateAsync(
        string tenantId,
        OrganisationInput input,
        CancellationToken cancellationToken = default
    ) => organisationRules.CreateAsync(tenantId, input, cancellationToken: cancellationToken);

    Task<IReadOnlyList<Person>> IPeople.ListAsync(string tenantId, CancellationToken cancellationToken) =>
        people.ListAsync(tenantId, cancellationToken: cancellationToken);

    Task<IReadOnlyList<TenantInfo>> ITenantDirectory.ListAsync(CancellationToken cancellationToken) =>
        tenants.ListAsync(cancellationToken);
}
