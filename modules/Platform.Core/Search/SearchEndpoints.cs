using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Privacy;
using Platform.Core.Tenancy;

namespace Platform.Core.Search;

public static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        tenant.MapGet("/api/search", (HttpContext http, string? q, SearchService search) => search.FindAsync(http.Tenant().Id, q, http.Audience(), cancellationToken: http.RequestAborted))
            .WithTags("Search");
        tenant.MapGet("/search", async (HttpContext http, string? q, SearchService search) =>
            new RazorComponentResult<SearchPage>(new { Tenant = http.Tenant(), Query = q ?? "", Hits = await search.FindAsync(http.Tenant().Id, q, http.Audience(), cancellationToken: http.RequestAborted) }))
            .ExcludeFromDescription();
    }
}
