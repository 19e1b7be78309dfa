using Platform.Abstractions.Navigation;
using Platform.Abstractions.Security;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>The home page's block of imported rounds whose text gave warnings: each is checked on the round's
/// page.</summary>
public sealed class ImportWarningsToDo(RoundStore rounds) : IToDoSource
{
    public Permission Permission => ExchangePermissions.View;

    public async Task<ToDoSection?> SectionAsync(string tenantId, CancellationToken cancellationToken)
    {
        var warned = await rounds.WarningCountsAsync(tenantId, cancellationToken);
        return warned.Count == 0
            ? null
            : new ToDoSection(
                "取り込みで警告が出た情報交換会",
                warned
                    .Select(r => new ToDoItem(r.Title, $"exchange-sessions/{r.RoundId}", $"警告{r.Warnings}件"))
                    .ToList()
            );
    }
}
