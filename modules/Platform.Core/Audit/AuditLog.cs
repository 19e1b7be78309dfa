using System.Data.Common;
using Dapper;
using Platform.Core.Storage;

namespace Platform.Core.Audit;

/// <summary>An accepted change: who, when, which route and path, and the answer.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Core.Audit.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string At,
    [property: Id(1)] string Account,
    [property: Id(2)] string Action,
    [property: Id(3)] string Route,
    [property: Id(4)] string Path,
    [property: Id(5)] int Status
);

/// <summary>
/// The tenant's record of changes (bodies, meetings, minutes approval, module switches, rights …) and of every view
/// of a resident's information (action <c>view</c>, route naming the item), append-only.
/// </summary>
public sealed class AuditLog(Database database)
{
    private sealed class Row
    {
        public string At { get; init; } = "";
        public string Account { get; init; } = "";
        public string Action { get; init; } = "";
        public string Route { get; init; } = "";
        public string Path { get; init; } = "";
        public int Status { get; init; }
    }

    public Task WriteAsync(string tenantId, AuditEntry entry, CancellationToken cancellationToken = default) =>
        WriteAsync(tenantId, [entry], cancellationToken);

    /// <summary>
    /// Writes the entries together: a read that showed several residents' items is audited as a whole or not at all.
    /// Not through <see cref="Database.InTransactionAsync"/>: a view audited during a change must not carry the
    /// change's own row, which belongs with the change (the change may still be refused after the view).
    /// </summary>
    public async Task WriteAsync(
        string tenantId,
        IReadOnlyCollection<AuditEntry> entries,
        CancellationToken cancellationToken = default
    )
    {
        if (entries.Count == 0)
            return;
        await database.OneWriterAsync(
            async () =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var written = await InsertAsync(
                    connection,
                    transaction,
                    entries.Select(e => new AuditStamp(tenantId, Ids.New(), e)).ToList()
                );
                await transaction.CommitAsync(cancellationToken);
                return written;
            },
            cancellationToken
        );
    }

    /// <summary>Writes rows inside the caller's transaction, with the change they record.</summary>
    internal static Task<int> InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyCollection<AuditStamp> stamps
    ) =>
        BulkInsert.RowsAsync(
            connection,
            transaction,
            "audit_log",
            ["tenant_id", "entry_id", "at", "account", "action", "route", "path", "status"],
            stamps.ToList(),
            s =>
                [
                    s.TenantId,
                    s.EntryId,
                    s.Entry.At,
                    s.Entry.Account,
                    s.Entry.Action,
                    Cut(s.Entry.Route, 300),
                    Cut(s.Entry.Path, 500),
                    s.Entry.Status,
                ]
        );

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(
        string tenantId,
        int limit = 200,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            database.Dialect.Limit(
                "SELECT at AS At, account AS Account, action AS Action, route AS Route, path AS Path, status AS Status FROM audit_log WHERE tenant_id = @tenantId ORDER BY at DESC",
                Math.Clamp(limit, 1, 1000)
            ),
            new { tenantId }
        );
        return rows.Select(r => new AuditEntry(r.At, r.Account, r.Action, r.Route, r.Path, r.Status)).ToList();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
