namespace Platform.Abstractions.Organisations;

/// <summary>A tenant's organisations and organisation types, for modules and plugins.</summary>
public interface IOrganisations
{
    /// <summary>The tenant's organisations, or those of one district.</summary>
    Task<IReadOnlyList<Organisation>> ListAsync(
        string tenantId,
        string? districtId = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>The built-in types and the tenant's own.</summary>
    Task<IReadOnlyList<OrganisationType>> TypesAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Registers an organisation, checked as the API checks it.</summary>
    Task<Organisation> CreateAsync(
        string tenantId,
        OrganisationInput input,
        CancellationToken cancellationToken = default
    );
}
