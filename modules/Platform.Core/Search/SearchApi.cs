using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Privacy;

namespace Platform.Core.Search;

/// <summary><c>/api/search</c>: meetings, opinions, comments, organisations, people and what modules in effect find
/// (お宝), by words, as far as the reader may see them.</summary>
public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder tenant) =>
        tenant
            .MapGet("/api/search", Search)
            .WithTags("Search")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage)
            .Describe(
                "search",
                "会議・意見・コメント・団体・人・お宝を検索",
                "Search meetings, opinions, comments, organisations, people and resources"
            );

    public static async Task<Ok<IReadOnlyList<SearchHit>>> Search(
        ITenantContext tenant,
        string? q,
        Audience audience,
        SearchService search,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await search.FindAsync(tenant.Tenant.Id, q, audience, cancellationToken: cancellationToken));
}
