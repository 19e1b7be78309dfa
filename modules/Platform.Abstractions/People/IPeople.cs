namespace Platform.Abstractions.People;

/// <summary>The people who work in or with a tenant's programme (not residents), for modules and plugins.</summary>
public interface IPeople
{
    /// <summary>The tenant's people with their roles.</summary>
    Task<IReadOnlyList<Person>> ListAsync(string tenantId, CancellationToken cancellationToken = default);
}
