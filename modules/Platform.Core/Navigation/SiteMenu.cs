using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Modules;

namespace Platform.Core.Navigation;

/// <summary>
/// The site menu of one request: every contributed entry whose module is in effect and whose permission the
/// signed-in user holds, checked as the gate and the access check of the entry's route would check them, so that no
/// link answers 403 or 404. Module state comes from the grains (in memory) and the account is the request's, so
/// building it costs no database round trip, except the names of the districts where a user holds a role of their
/// own. Kept for the rest of the request: the frame asks once per page.
/// </summary>
public sealed class SiteMenu(
    IHttpContextAccessor requests,
    IEnumerable<IMenuContributor> contributors,
    ModuleCatalog catalog,
    ModuleGate gate,
    DistrictStore districts
) : ISiteMenu
{
    private const string DistrictParameter = "{districtId}";

    private (string TenantId, IReadOnlyList<MenuLink> Links)? _built;

    public async Task<IReadOnlyList<MenuLink>> LinksAsync(TenantInfo tenant)
    {
        if (_built is { } built && built.TenantId == tenant.Id)
            return built.Links;
        var links = await BuildAsync(tenant);
        _built = (tenant.Id, links);
        return links;
    }

    private async Task<IReadOnlyList<MenuLink>> BuildAsync(TenantInfo tenant)
    {
        var http = requests.HttpContext;
        if (http?.Account() is not { } account || !account.Knows(tenant.Id))
            return [];
        var entries = contributors
            .SelectMany(c => c.Entries.Select(e => (Entry: e, Owner: catalog.OwnerOf(c.GetType()))))
            .OrderBy(e => e.Entry.Order)
            .ToList();
        var inTenant = await gate.EffectiveAsync(tenant.Id, null);
        var tenantRole = account.RoleIn(tenant.Id, null);
        var chosen = new List<(string Label, string Path)>();
        // Districts where the user holds a role of their own: a district-only user reaches the district's pages
        // alone, and a user with more there sees them beside the tenant's.
        var ownDistricts = account
            .Grants.Where(g => g.TenantId == tenant.Id && g.DistrictId is not null)
            .Select(g => g.DistrictId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        IReadOnlyList<District>? known = null;
        foreach (var (entry, owner) in entries)
        {
            var required = (Role)entry.Permission.Role;
            if (!entry.Path.Contains(DistrictParameter, StringComparison.Ordinal))
            {
                if (InEffect(owner, inTenant) && tenantRole >= required)
                    chosen.Add((entry.Label, entry.Path));
                continue;
            }
            foreach (var districtId in ownDistricts)
            {
                if (account.RoleIn(tenant.Id, districtId) is not { } role || role < required)
                    continue;
                if (!InEffect(owner, await gate.EffectiveAsync(tenant.Id, districtId)))
                    continue;
                known ??= await districts.ListAsync(tenant.Id, http.RequestAborted);
                if (known.FirstOrDefault(d => d.Id == districtId) is not { } district)
                    continue;
                chosen.Add(($"{entry.Label}（{district.Name}）", entry.Path.Replace(DistrictParameter, district.Id)));
            }
        }
        return Mark(tenant, chosen, http.Request.Path.Value ?? "");
    }

    private static bool InEffect(ModuleDescriptor? owner, IReadOnlySet<string> effective) =>
        owner is null || owner.AlwaysEnabled || effective.Contains(owner.Id);

    /// <summary>
    /// The current page's entry is <c>aria-current="page"</c>; on a page below an entry (a meeting below 会議) the
    /// entry with the longest path above it is <c>aria-current="true"</c>, the current item of the set.
    /// </summary>
    private static List<MenuLink> Mark(TenantInfo tenant, List<(string Label, string Path)> chosen, string current)
    {
        var root = $"/{tenant.Id}/";
        var here = current.TrimEnd('/');
        var links = chosen.Select(c => (c.Label, Href: root + c.Path)).ToList();
        var exact = links.FindIndex(l => l.Href.TrimEnd('/') == here);
        var section =
            exact >= 0
                ? -1
                : links
                    .Select((l, i) => (l.Href, i))
                    .Where(l => l.Href != root && here.StartsWith(l.Href.TrimEnd('/') + "/", StringComparison.Ordinal))
                    .OrderByDescending(l => l.Href.Length)
                    .Select(l => l.i)
                    .DefaultIfEmpty(-1)
                    .First();
        return links
            .Select(
                (l, i) =>
                    new MenuLink(
                        l.Label,
                        l.Href,
                        i == exact ? "page"
                            : i == section ? "true"
                            : null
                    )
            )
            .ToList();
    }
}
