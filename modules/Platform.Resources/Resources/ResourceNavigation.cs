using Platform.Abstractions.Navigation;

namespace Platform.Resources.Resources;

/// <summary>The link from a meeting's page to promoting its opinions to resources, and お宝 in the site menu.</summary>
public sealed class ResourceNavigation : IMeetingNavigation, IMenuContributor
{
    public IEnumerable<NavigationLink> LinksFor(string meetingId) =>
        [new("この会議の意見からお宝を登録する", $"resources/meetings/{meetingId}")];

    public IEnumerable<MenuEntry> Entries => [new("お宝", "resources", ResourcePermissions.View) { Order = 200 }];
}
