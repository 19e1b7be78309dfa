using Platform.Abstractions.Security;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>Who may do what with the exchange sessions.</summary>
public sealed class ExchangePermissions : IPermissionProvider
{
    public static readonly Permission View = new(
        "exchange-sessions.view",
        "情報交換会の回・テーマ・発言者・概要を見る",
        StaffRole.Viewer
    );

    public static readonly Permission Import = new(
        "exchange-sessions.import",
        "情報交換会の概要を取り込む",
        StaffRole.Coordinator
    );

    public IEnumerable<Permission> Permissions => [View, Import];
}
