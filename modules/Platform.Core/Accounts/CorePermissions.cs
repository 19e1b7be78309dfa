using Platform.Abstractions.Security;

namespace Platform.Core.Accounts;

/// <summary>The shared core's permissions, stated beside its routes (and the host's, which administer the
/// tenant).</summary>
public sealed class CorePermissions : IPermissionProvider
{
    public static readonly Permission View = new(
        "core.view",
        "協議体・会議・記録・団体・人・開催状況を見る",
        StaffRole.Viewer
    );

    public static readonly Permission Record = new(
        "core.record",
        "会議で出たテーマ・意見・コメントを記録する",
        StaffRole.Recorder
    );

    public static readonly Permission Manage = new(
        "core.manage",
        "協議体・会議・団体・人・対応事項を登録・変更する",
        StaffRole.Coordinator
    );

    public static readonly Permission Administer = new(
        "core.administer",
        "モジュール・設定・地区・団体種別・利用者・監査ログ・個人情報の保存期間を管理する",
        StaffRole.TenantAdmin
    );

    public IEnumerable<Permission> Permissions => [View, Record, Manage, Administer];
}
