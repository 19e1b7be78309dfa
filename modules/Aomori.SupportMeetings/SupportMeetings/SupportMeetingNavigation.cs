using Platform.Abstractions.Navigation;

namespace Aomori.SupportMeetings.SupportMeetings;

public sealed class SupportMeetingNavigation : IDistrictNavigation
{
    public IEnumerable<NavigationLink> LinksFor(string districtId) => [new("地域支え合い会議", "support-meetings")];
}
