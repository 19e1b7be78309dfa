namespace Platform.Abstractions.Navigation;

/// <summary>
/// Links a module adds to a meeting's page (e.g. "お宝を登録する"). <see cref="NavigationLink.Path"/> is relative to the
/// tenant's root. Shown only where the module is in effect for the meeting's district.
/// </summary>
public interface IMeetingNavigation
{
    /// <summary>The links for one meeting.</summary>
    IEnumerable<NavigationLink> LinksFor(string meetingId);
}
