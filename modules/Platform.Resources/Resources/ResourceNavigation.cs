using Platform.Abstractions.Navigation;

namespace Platform.Resources.Resources;

/// <summary>The link from a meeting's page to promoting its opinions to resources.</summary>
public sealed class ResourceNavigation : IMeetingNavigation
{
    public IEnumerable<NavigationLink> LinksFor(string meetingId) =>
        [new("この会議の意見からお宝を登録する", $"resources/meetings/{meetingId}")];
}
