using Platform.Abstractions.Navigation;

namespace Aomori.SupportMeetings.SupportMeetings;

public sealed class SupportMeetingNavigation : IDistrictNavigation, IMenuContributor
{
    public IEnumerable<NavigationLink> LinksFor(string districtId) => [new("地域支え合い会議", "support-meetings")];

    // The roll-out board for staff of the whole city; a district's own staff reach their district's meeting.
    public IEnumerable<MenuEntry> Entries =>
        [
            new("地域支え合い会議", "support-meetings/rollout", SupportMeetingPermissions.View) { Order = 100 },
            new("地域支え合い会議", "districts/{districtId}/support-meetings", SupportMeetingPermissions.View)
            {
                Order = 101,
            },
        ];
}
