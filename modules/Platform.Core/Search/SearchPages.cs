using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Privacy;

namespace Platform.Core.Search;

/// <summary>What the search page shows: the words asked and what was found.</summary>
public sealed record SearchModel(TenantInfo Tenant, string Query, IReadOnlyList<SearchHit> Hits);

/// <summary>The search page, <c>/search</c>.</summary>
public static class SearchPages
{
    public static void MapSearchPages(this IEndpointRouteBuilder tenant) =>
        tenant.MapGet("/search", SearchPageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();

    public static async Task<RazorComponentResult<SearchPage>> SearchPageAsync(
        ITenantContext tenant,
        string? q,
        Audience audience,
        SearchService search,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<SearchPage, SearchModel>(
            new SearchModel(
                tenant.Tenant,
                q ?? "",
                await search.FindAsync(tenant.Tenant.Id, q, audience, cancellationToken: cancellationToken)
            )
        );
}
