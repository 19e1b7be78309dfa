using Autofac;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;

namespace Platform.Host.Admin;

/// <summary>What the cluster page shows: the tenant whose frame it is shown in, and the cluster.</summary>
public sealed record ClusterPageModel(TenantInfo Tenant, ClusterView Cluster);

/// <summary>What the cluster's routes read, bound as one parameter.</summary>
public sealed record ClusterServices(IGrainFactory Grains, IOptions<ClusterOptions> Cluster, TimeProvider Time);

/// <summary>
/// The cluster's state for the platform administrator alone: <c>GET /api/cluster</c> (a host route, like the plugin
/// list: the access check refuses everyone else) and the page 「クラスタの状態」, shown in the frame of whichever
/// tenant the administrator is in (<c>/{tenant}/admin/cluster</c>), where a tenant admin is refused.
/// </summary>
public static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder tenant)
    {
        app.MapGet("/api/cluster", GetCluster)
            .WithTags("Cluster")
            .Describe("getClusterStatus", "クラスタの状態", "The cluster's silos, grains and failovers")
            .Refuses(401, "auth.required")
            .Refuses(403, "auth.forbidden");
        tenant
            .MapGet("/admin/cluster", ClusterPageAsync)
            .RequirePermission(CorePermissions.Administer)
            .AddEndpointFilter(PlatformAdminOnly)
            .ExcludeFromDescription();
    }

    public static async Task<Ok<ClusterView>> GetCluster(
        [AsParameters] ClusterServices services,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await ClusterStatus.ReadAsync(services.Grains, services.Cluster, services.Time, cancellationToken)
        );

    public static async Task<RazorComponentResult<ClusterPage>> ClusterPageAsync(
        ITenantContext tenant,
        [AsParameters] ClusterServices services,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<ClusterPage, ClusterPageModel>(
            new ClusterPageModel(
                tenant.Tenant,
                await ClusterStatus.ReadAsync(services.Grains, services.Cluster, services.Time, cancellationToken)
            )
        );

    // A tenant admin holds core.administer too: the cluster is the platform's, not a tenant's.
    private static ValueTask<object?> PlatformAdminOnly(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    ) =>
        context.HttpContext.Account() is { IsPlatformAdmin: true }
            ? next(context)
            : throw new PlatformException(
                403,
                "auth.forbidden",
                "この操作の権限がありません。",
                "プラットフォーム管理者だけが使えます。"
            );
}

/// <summary>
/// The site menu with 「クラスタの状態」 added for the platform administrator, after the tenant's admin pages: the menu's
/// entries are held by tenant roles, and a tenant admin, who holds the highest of them, must not see this one.
/// </summary>
public sealed class ClusterMenu(ISiteMenu inner, IHttpContextAccessor requests) : ISiteMenu
{
    public const string Label = "クラスタの状態";

    /// <summary>Puts the link in every request's menu (the core's <c>SiteMenu</c> decorated).</summary>
    public static void Register(ContainerBuilder container) => container.RegisterDecorator<ClusterMenu, ISiteMenu>();

    public async Task<IReadOnlyList<MenuLink>> LinksAsync(TenantInfo tenant)
    {
        var links = await inner.LinksAsync(tenant);
        var http = requests.HttpContext;
        if (http?.Account() is not { IsPlatformAdmin: true })
            return links;
        var href = $"/{tenant.Id}/admin/cluster";
        var here = string.Equals(http.Request.Path.Value?.TrimEnd('/'), href, StringComparison.Ordinal);
        return [.. links, new MenuLink(Label, href, here ? "page" : null)];
    }
}
