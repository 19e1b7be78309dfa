namespace Platform.Abstractions.Navigation;

/// <summary>A link on a district's or a meeting's page, to a page of a module.</summary>
/// <param name="Title">Japanese link text.</param>
/// <param name="Path">Path below the district (e.g. <c>support-meetings</c> for
/// <c>/{tenant}/districts/{districtId}/support-meetings</c>), or below the tenant for meeting links.</param>
public sealed record NavigationLink(string Title, string Path);

/// <summary>
/// Contributes links to a district's page. Register it in the module's startup; its links are shown only where the
/// module is in effect for that district.
/// </summary>
public interface IDistrictNavigation
{
    /// <summary>The module's links for one district.</summary>
    IEnumerable<NavigationLink> LinksFor(string districtId);
}
