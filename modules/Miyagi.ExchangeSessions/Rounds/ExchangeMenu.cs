using Platform.Abstractions.Navigation;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>The exchange sessions in the site menu: the prefecture's main job, so near the front.</summary>
public sealed class ExchangeMenu : IMenuContributor
{
    public IEnumerable<MenuEntry> Entries =>
        [new("情報交換会", "exchange-sessions", ExchangePermissions.View) { Order = 12 }];
}
