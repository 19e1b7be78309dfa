using Platform.Abstractions.Navigation;
using Platform.Core.Accounts;

namespace Platform.Core.Navigation;

/// <summary>The core's entries of the site menu, and the host's admin pages (which state the core's
/// permissions).</summary>
public sealed class CoreMenu : IMenuContributor
{
    public IEnumerable<MenuEntry> Entries =>
        [
            new("ホーム", "", CorePermissions.View) { Order = 10 },
            new("地区", "districts/{districtId}", CorePermissions.View) { Order = 15 },
            new("協議体", "bodies", CorePermissions.View) { Order = 20 },
            new("会議", "meetings", CorePermissions.View) { Order = 30 },
            new("団体・人", "organisations", CorePermissions.View) { Order = 40 },
            new("開催状況", "dashboard", CorePermissions.View) { Order = 50 },
            new("検索", "search", CorePermissions.View) { Order = 800 },
            new("モジュール管理", "admin/modules", CorePermissions.Administer) { Order = 900 },
            new("利用者", "admin/users", CorePermissions.Administer) { Order = 910 },
            new("監査ログ", "admin/audit", CorePermissions.Administer) { Order = 920 },
            new("メール送信", "admin/mail", CorePermissions.Administer) { Order = 930 },
            new("開催通知のひな形", "admin/notices", CorePermissions.Administer) { Order = 935 },
        ];
}
