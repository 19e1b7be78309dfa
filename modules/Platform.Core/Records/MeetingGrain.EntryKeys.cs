namespace Platform.Core.Records;

/// <summary>
/// Entry keys: a recorder's page sends each entry with a key of its own making and sends it again, with the same key,
/// when it got no answer (a lost connection, a host that died, 503 during a failover). The grain stores each key once,
/// with its entry, so the repeat is answered with the entry first recorded instead of a second copy.
/// </summary>
public sealed partial class MeetingGrain
{
    private enum EntryKind
    {
        AgendaItem,
        Opinion,
        Comment,
    }

    // Keys of durable entries (read from the database on activation) and of those waiting to be written.
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pending> _unwrittenKeys = new(StringComparer.Ordinal);

    /// <summary>The answer to a key seen before, or null for a new key (or none).</summary>
    private Task<RecordResult>? Repeated(string? key, EntryKind kind)
    {
        if (key is null)
            return null;
        if (_keys.TryGetValue(key, out var seq))
            return Task.FromResult(Again(seq, kind));
        if (_unwrittenKeys.TryGetValue(key, out var pending))
            return AfterWrittenAsync(pending, kind);
        return null;
    }

    /// <summary>The same key while its entry is still being written: answered once the first one is.</summary>
    private async Task<RecordResult> AfterWrittenAsync(Pending pending, EntryKind kind)
    {
        await pending.Written.Task;
        return Again(pending.Entry.Seq, kind);
    }

    private RecordResult Again(int seq, EntryKind kind)
    {
        var index = _entries.BinarySearch(new RecordEntry(seq, null, null, null), BySeq);
        if (index < 0)
            return new RecordResult(
                null,
                "idempotency.entry_deleted",
                null,
                "この入力は記録された後に削除されています。もう一度記録する場合は、新しく入力してください。"
            );
        var entry = _entries[index];
        var sameKind = kind switch
        {
            EntryKind.AgendaItem => entry.AgendaItem is not null,
            EntryKind.Opinion => entry.Opinion is not null,
            _ => entry.Comment is not null,
        };
        return sameKind
            ? new RecordResult(entry, Repeated: true)
            : new RecordResult(
                null,
                "idempotency.key_reused",
                null,
                "同じ送信キー（Idempotency-Key）が別の種類の記録に使われています。新しいキーで送ってください。"
            );
    }

    private void ForgetUnwritten(List<Pending> batch)
    {
        foreach (var p in batch)
            if (p.Key is not null)
                _unwrittenKeys.Remove(p.Key);
    }

    private static readonly Comparer<RecordEntry> BySeq = Comparer<RecordEntry>.Create(
        (a, b) => a.Seq.CompareTo(b.Seq)
    );
}
