using Platform.Abstractions.Search;

namespace Platform.Resources.Resources;

/// <summary>
/// Resources (お宝) for the platform's search: by name, what they offer, who runs them, when and where (the stored
/// search text), never by contact, which is personal information. A hit leads to the catalogue filtered by its name.
/// </summary>
public sealed class ResourceSearch(ResourceStore store) : ISearchSource
{
    public async Task<IReadOnlyList<SearchSourceHit>> FindAsync(
        string tenantId,
        IReadOnlyList<string> terms,
        int limit,
        CancellationToken cancellationToken
    )
    {
        // The terms are folded already; folding them again (in ListAsync) leaves them as they are.
        var found = await store.ListAsync(
            tenantId,
            new ResourceStore.Filter(Query: string.Join(" ", terms)),
            cancellationToken
        );
        if (found.Count == 0)
            return [];
        var categories = (await store.CategoriesAsync(tenantId, cancellationToken)).ToDictionary(
            c => c.Id,
            c => c.Name
        );
        return found
            .Take(limit)
            .Select(r => new SearchSourceHit(
                "resource",
                r.Id,
                r.Name,
                string.Join(
                    "・",
                    new[] { categories.GetValueOrDefault(r.CategoryId, r.CategoryId), r.Details.Offers }.Where(s =>
                        !string.IsNullOrWhiteSpace(s)
                    )
                ),
                $"resources?q={Uri.EscapeDataString(r.Name)}",
                r.LastConfirmed,
                r.DistrictId
            ))
            .ToList();
    }
}
