using Platform.Core.Accounts;

namespace Platform.Host.Accounts;

/// <summary>
/// The role each tenant route needs, from its method and pattern, in one place: reading needs 閲覧 (viewer);
/// recording what was said needs 記録 (recorder); other changes need コーディネーター (coordinator); switching modules,
/// settings, districts, the tenant's lists, its users, its audit log and its retention period need テナント管理者 (tenant admin).
/// Reading residents' information needs a clearance as well, checked item by item (Platform.Core.Privacy.Disclosure).
/// </summary>
public static class AccessRules
{
    private static readonly string[] RecordingSuffixes = ["/agenda", "/opinions", "/comments", "/agenda/from-template"];

    public static Role Required(string method, string pattern)
    {
        var write = method is not ("GET" or "HEAD");
        if (pattern.StartsWith("/{tenant}/admin", StringComparison.Ordinal) || pattern.Contains("/modules", StringComparison.Ordinal) ||
            pattern.StartsWith("/{tenant}/api/audit", StringComparison.Ordinal) || pattern.StartsWith("/{tenant}/api/users", StringComparison.Ordinal) ||
            pattern.StartsWith("/{tenant}/api/privacy", StringComparison.Ordinal)) return Role.TenantAdmin;
        if (!write) return Role.Viewer;
        if (pattern.TrimEnd('/') is "/{tenant}/api/districts" or "/{tenant}/api/districts/{districtId}" or "/{tenant}/api/organisation-types" or "/{tenant}/api/resource-categories")
            return Role.TenantAdmin;
        return RecordingSuffixes.Any(s => pattern.TrimEnd('/').EndsWith(s, StringComparison.Ordinal)) ? Role.Recorder : Role.Coordinator;
    }
}
