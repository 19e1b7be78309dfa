using Microsoft.AspNetCore.Builder;

namespace Platform.Abstractions.Security;

/// <summary>The staff roles of a tenant, lowest first; each includes those below it.</summary>
public enum StaffRole
{
    /// <summary>閲覧: reads the tenant's pages and data.</summary>
    Viewer = 1,

    /// <summary>記録: also records what is said at meetings.</summary>
    Recorder = 2,

    /// <summary>コーディネーター: also plans meetings and changes the tenant's records.</summary>
    Coordinator = 3,

    /// <summary>テナント管理者: also switches modules, changes settings, districts and users, reads the audit log.</summary>
    TenantAdmin = 4,
}

/// <summary>
/// Something a route lets its caller do, declared by the module that owns the route (list it in an
/// <see cref="IPermissionProvider"/>). A permission is held by every role at or above <see cref="Role"/>, in the tenant
/// or in the route's district. Reading residents' information needs a clearance as well, checked item by item.
/// </summary>
/// <param name="Name">Stable name, prefixed by the module: <c>resources.manage</c>.</param>
/// <param name="Description">Japanese description for admins.</param>
/// <param name="Role">The lowest role that holds it.</param>
public sealed record Permission(string Name, string Description, StaffRole Role);

/// <summary>
/// Endpoint metadata: the permission a route needs to read (GET, HEAD) and to write. Put on a group, it covers every
/// route of the group; a route's own wins. A tenant route that states none is refused (403 <c>auth.undeclared</c>),
/// unless it allows anonymous callers.
/// </summary>
/// <param name="Read">Needed by GET and HEAD.</param>
/// <param name="Write">Needed by every other method.</param>
public sealed record RequiredPermission(Permission Read, Permission Write)
{
    /// <summary>The permission a request with this HTTP method needs.</summary>
    public Permission For(string method) => method is "GET" or "HEAD" ? Read : Write;
}

/// <summary>A module's permissions, for admins and for the check that every route's permission is declared.</summary>
public interface IPermissionProvider
{
    /// <summary>The permissions this module's routes need.</summary>
    IEnumerable<Permission> Permissions { get; }
}

/// <summary>Stating a route's permission beside the route.</summary>
public static class PermissionConventions
{
    /// <summary>The route or group needs <paramref name="permission"/>, whatever the method.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission, permission));

    /// <summary>Reads need <paramref name="read"/>, writes <paramref name="write"/>.</summary>
    public static TBuilder RequirePermissions<TBuilder>(this TBuilder builder, Permission read, Permission write)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequiredPermission(read, write));
}
