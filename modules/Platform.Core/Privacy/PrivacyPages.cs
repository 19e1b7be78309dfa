using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Minutes;

namespace Platform.Core.Privacy;

/// <summary>
/// A summary's public version for review (<c>/meetings/{meetingId}/public-version</c>) and, once approved, for anybody
/// (<c>/public/meetings/{meetingId}</c>).
/// </summary>
public static class PrivacyPages
{
    public static void MapPrivacyPages(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/meetings/{meetingId}/public-version", PublicVersionPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
        tenant.MapGet("/public/meetings/{meetingId}", PublishedPageAsync).AllowAnonymous().ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<MinutesDocument>> PublicVersionPageAsync(
        ITenantContext tenant,
        string meetingId,
        Publication publication,
        CancellationToken cancellationToken
    )
    {
        var version = await publication.PublicVersionAsync(tenant.Tenant, meetingId, cancellationToken);
        var approval = await publication.StateAsync(tenant.Tenant.Id, meetingId, version, cancellationToken);
        return PageResult.For<MinutesDocument, MinutesModel>(new MinutesModel(version, approval));
    }

    public static async Task<RazorComponentResult<MinutesDocument>> PublishedPageAsync(
        ITenantContext tenant,
        string meetingId,
        Publication publication,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<MinutesDocument, MinutesModel>(
            new MinutesModel(await publication.PublishedAsync(tenant.Tenant, meetingId, cancellationToken))
        );
}
