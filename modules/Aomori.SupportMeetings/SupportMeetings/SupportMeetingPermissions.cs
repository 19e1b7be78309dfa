using Platform.Abstractions.Security;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>Who may do what with the districts' support meetings.</summary>
public sealed class SupportMeetingPermissions : IPermissionProvider
{
    public static readonly Permission View = new(
        "support-meetings.view",
        "地域支え合い会議・導入状況・地区の特徴を見る",
        StaffRole.Viewer
    );

    public static readonly Permission Manage = new(
        "support-meetings.manage",
        "地域支え合い会議を登録し、会議を予定し、導入の段階を記録する",
        StaffRole.Coordinator
    );

    public IEnumerable<Permission> Permissions => [View, Manage];
}
