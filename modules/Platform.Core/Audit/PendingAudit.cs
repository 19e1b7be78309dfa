using System.Data.Common;

namespace Platform.Core.Audit;

/// <summary>The audit row of one accepted change, as it travels with the change into a grain's batch.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Core.Audit.AuditStamp")]
public sealed record AuditStamp(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string EntryId,
    [property: Id(2)] AuditEntry Entry
);

/// <summary>
/// The audit row of the change a request is making, written in the same transaction as the change, so that no change
/// is stored without it. <see cref="Storage.Database.InTransactionAsync"/> writes it into the first transaction the
/// request commits; the meeting grain writes it into the batch that stores the entry (it reaches the grain in Orleans'
/// <see cref="RequestContext"/>, since a grain does not see the request's async-locals). A change that commits neither
/// way is audited by the host before the answer leaves (see the host's AuditMiddleware).
/// </summary>
public sealed class PendingAudit
{
    private const string RequestContextKey = "platform.audit";
    private static readonly AsyncLocal<PendingAudit?> CurrentSlot = new();

    private PendingAudit(AuditStamp stamp) => Stamp = stamp;

    public static PendingAudit? Current => CurrentSlot.Value;

    public AuditStamp Stamp { get; private set; }

    /// <summary>True once the row is in a committed transaction (or about to be, inside one).</summary>
    public bool Written { get; private set; }

    /// <summary>Starts auditing the current request's change; disposing ends it.</summary>
    public static IDisposable Begin(string tenantId, AuditEntry entry)
    {
        var pending = new PendingAudit(new AuditStamp(tenantId, Ids.New(), entry));
        CurrentSlot.Value = pending;
        return new End();
    }

    /// <summary>
    /// The status the route answers when the change succeeds (e.g. 201), for a row written before the answer is known.
    /// </summary>
    public void Answering(int status) => Stamp = Stamp with { Entry = Stamp.Entry with { Status = status } };

    /// <summary>
    /// Gives the row, while it is still to be written, to the grain calls that the calling method makes next. Call it
    /// in the method that makes them: like any async-local, the request context it sets does not reach back to its
    /// caller.
    /// </summary>
    public void PassToGrain()
    {
        if (Written)
            RequestContext.Remove(RequestContextKey);
        else
            RequestContext.Set(RequestContextKey, Stamp);
    }

    /// <summary>The stamp a grain received with the call it is serving, if the caller was auditing a change.</summary>
    public static AuditStamp? Received() => RequestContext.Get(RequestContextKey) as AuditStamp;

    /// <summary>A grain wrote the stamp in its own transaction: nobody else is to write it again.</summary>
    public void WrittenByGrain() => Written = true;

    /// <summary>Writes the row inside the caller's transaction unless it has been written already.</summary>
    internal async Task WriteOnceAsync(DbConnection connection, DbTransaction transaction)
    {
        if (Written)
            return;
        await AuditLog.InsertAsync(connection, transaction, [Stamp]);
        Written = true;
    }

    private sealed class End : IDisposable
    {
        public void Dispose() => CurrentSlot.Value = null;
    }
}
