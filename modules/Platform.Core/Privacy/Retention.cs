using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Audit;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Privacy;

/// <summary>
/// Erases residents' information once the tenant's retention period (文書管理規程, in years after the meeting) has
/// passed. The item keeps its place, level and basis, with its content emptied and <c>erased_at</c> set: the record
/// that it existed. Each erasure is written to the audit log.
/// </summary>
public sealed class Retention(Database database, PrivacyStore privacy, AuditLog audit)
{
    private sealed class Due
    {
        public string ItemId { get; init; } = "";
        public string ItemKind { get; init; } = "";
    }

    /// <summary>Erases what is due on <paramref name="today"/>; answers how many items were erased.</summary>
    public async Task<int> RunAsync(
        string tenantId,
        DateOnly today,
        string by,
        CancellationToken cancellationToken = default
    )
    {
        var years = await privacy.RetentionYearsAsync(tenantId, cancellationToken);
        var cutoff = Clock.Iso(today.AddYears(-years));
        var now = Clock.Now();
        var erased = await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var due = (
                    await connection.QueryAsync<Due>(
                        "SELECT p.item_id AS ItemId, p.item_kind AS ItemKind FROM personal_content p "
                            + "JOIN meetings m ON m.tenant_id = p.tenant_id AND m.meeting_id = p.meeting_id "
                            + "WHERE p.tenant_id = @tenantId AND p.erased_at IS NULL AND m.meeting_date < @cutoff",
                        new { tenantId, cutoff },
                        transaction
                    )
                ).ToList();
                var done = new List<Due>();
                foreach (var item in due)
                {
                    var (table, key) = ItemKinds.Tables[item.ItemKind];
                    var content = item.ItemKind switch
                    {
                        ItemKinds.Opinion =>
                            "text = '', speaker = NULL, organisation = NULL, recorded_by = NULL, search_text = ''",
                        ItemKinds.Comment => "text = '', search_text = ''",
                        ItemKinds.Action => "title = ''",
                        _ => "file_name = 'erased', content = @empty, size_bytes = 0",
                    };
                    // Only content still personal: an item lowered to 関係者限り since is no longer a resident's
                    // information.
                    var changed = await connection.ExecuteAsync(
                        $"UPDATE {table} SET {content} WHERE tenant_id = @tenantId AND {key} = @id AND sensitivity >= @personal",
                        new
                        {
                            tenantId,
                            id = item.ItemId,
                            personal = (int)Sensitivity.Personal,
                            empty = Array.Empty<byte>(),
                        },
                        transaction
                    );
                    // The corrections kept the item's earlier wording: it goes with the item (a deleted item's too).
                    await connection.ExecuteAsync(
                        "UPDATE record_corrections SET before_json = NULL, after_json = NULL "
                            + "WHERE tenant_id = @tenantId AND item_id = @id AND sensitivity >= @personal",
                        new
                        {
                            tenantId,
                            id = item.ItemId,
                            personal = (int)Sensitivity.Personal,
                        },
                        transaction
                    );
                    if (changed == 0)
                        continue;
                    await connection.ExecuteAsync(
                        "UPDATE personal_content SET erased_at = @now WHERE tenant_id = @tenantId AND item_id = @id",
                        new
                        {
                            tenantId,
                            id = item.ItemId,
                            now,
                        },
                        transaction
                    );
                    done.Add(item);
                }
                return done;
            },
            cancellationToken
        );
        await audit.WriteAsync(
            tenantId,
            erased
                .Select(e => new AuditEntry(
                    now,
                    by,
                    "erase",
                    $"{e.ItemKind}/{e.ItemId}",
                    $"保存期間{years}年（{cutoff}より前の会議）",
                    200
                ))
                .ToList(),
            cancellationToken
        );
        return erased.Count;
    }
}

/// <summary>Runs <see cref="Retention"/> for every tenant shortly after start-up and then once a day.</summary>
public sealed partial class RetentionSchedule(
    Retention retention,
    TenantStore tenants,
    TimeProvider time,
    ILogger<RetentionSchedule> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), time);
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            do
            {
                foreach (var tenant in await tenants.ListAsync(stoppingToken))
                {
                    try
                    {
                        var erased = await retention.RunAsync(
                            tenant.Id,
                            Clock.TodayInJapan(time),
                            "保存期間の自動消去",
                            stoppingToken
                        );
                        if (erased > 0)
                            LogErased(tenant.Id, erased);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogFailed(e, tenant.Id);
                    }
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Retention: erased {Count} items of personal information in tenant {Tenant}"
    )]
    private partial void LogErased(string tenant, int count);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Retention run failed for tenant {Tenant}; it is tried again tomorrow"
    )]
    private partial void LogFailed(Exception exception, string tenant);
}
