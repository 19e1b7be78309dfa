using Platform.Abstractions.Security;

namespace Platform.Resources.Resources;

/// <summary>Who may do what with the catalogue; the public page for care managers needs none.</summary>
public sealed class ResourcePermissions : IPermissionProvider
{
    public static readonly Permission View = new("resources.view", "お宝の一覧・冊子・CSVを見る", StaffRole.Viewer);

    public static readonly Permission Manage = new(
        "resources.manage",
        "お宝を登録・確認・公開・終了する",
        StaffRole.Coordinator
    );

    public static readonly Permission ManageCategories = new(
        "resources.categories",
        "お宝の分類を追加する",
        StaffRole.TenantAdmin
    );

    public IEnumerable<Permission> Permissions => [View, Manage, ManageCategories];
}
