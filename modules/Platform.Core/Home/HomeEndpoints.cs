using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Tenancy;

namespace Platform.Core.Home;

public static class HomeEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        tenant.MapGet("/", async (HttpContext http, DistrictStore districts) =>
            new RazorComponentResult<TenantHomePage>(new
            {
                Tenant = http.Tenant(),
                Districts = await districts.ListAsync(http.Tenant().Id, http.RequestAborted),
            })).ExcludeFromDescription();
    }
}
