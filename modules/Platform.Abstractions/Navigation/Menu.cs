using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Platform.Abstractions.Navigation;

/// <summary>
/// An entry of the site menu that a module contributes (<see cref="IMenuContributor"/>). The menu shows it only
/// where the module is in effect and to a user who holds <see cref="Permission"/> there, so that no entry answers
/// 403 or 404.
/// </summary>
/// <param name="Label">Japanese link text, short (the menu is one line on a tablet).</param>
/// <param name="Path">Path below the tenant's root, without a leading slash (<c>resources</c>). A path that contains
/// <c>{districtId}</c> is a district's page: it is shown once for each district where the user holds a role of its
/// own, and only where the module is in effect in that district.</param>
/// <param name="Permission">What the page's GET needs: the permission stated beside its route.</param>
public sealed record MenuEntry(string Label, string Path, Permission Permission)
{
    /// <summary>Where the entry stands in the menu, lowest first; the core's entries use 10–90, admin's 900+.</summary>
    public int Order { get; init; } = 500;
}

/// <summary>
/// Contributes entries to the site menu. Register it in the module's startup (<c>As&lt;IMenuContributor&gt;()</c>);
/// its entries show only where the module is in effect.
/// </summary>
public interface IMenuContributor
{
    /// <summary>The module's menu entries; the same for every tenant (what is in effect is checked by the menu).</summary>
    IEnumerable<MenuEntry> Entries { get; }
}

/// <summary>A link of the resolved menu, as the page frame shows it.</summary>
/// <param name="Label">Link text.</param>
/// <param name="Href">Absolute path on this site.</param>
/// <param name="Current"><c>page</c> on the current page's entry, <c>true</c> on the entry of the section the page is
/// in, null elsewhere (the value of <c>aria-current</c>).</param>
public sealed record MenuLink(string Label, string Href, string? Current);

/// <summary>
/// The site menu for the current request: the entries of the modules in effect that the signed-in user may open.
/// The page frame (<c>Shell</c>) asks it; the answer is kept for the rest of the request.
/// </summary>
public interface ISiteMenu
{
    /// <summary>The menu's links in <paramref name="tenant"/> for the request's user, in order.</summary>
    Task<IReadOnlyList<MenuLink>> LinksAsync(TenantInfo tenant);
}
