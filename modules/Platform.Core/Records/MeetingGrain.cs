using Orleans.Concurrency;
using Platform.Core.Audit;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Storage;

namespace Platform.Core.Records;

/// <summary>
/// See <see cref="IMeetingGrain"/>. Reentrant so that entries arriving while a batch is being written queue up
/// for the next one (group commit); every state change happens between awaits, on the grain's single thread, so
/// sequence numbers are still given out strictly one after another. It holds the whole record, which pages and
/// summaries read from it; a meeting nobody has asked about for five minutes is let go (open pages keep it by waiting
/// on it). It lives on the host that first asked for it (usually the one that rendered the first recorder's page), so
/// that host's writes need no hop; after a failover, on the host of the next request.
/// </summary>
[Reentrant]
[Orleans.Placement.PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 5)]
public sealed partial class MeetingGrain(
    MeetingStore meetings,
    RecordStore records,
    CorrectionStore corrections,
    Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime
) : Grain, IMeetingGrain
{
    private readonly CorrectionStore _corrections = corrections;

    private sealed record Pending(RecordEntry Entry, AuditStamp? Audit, string? Key, TaskCompletionSource Written);

    private string _tenantId = "";
    private string _meetingId = "";
    private Meeting? _meeting;
    private int _lastGiven;
    private int _lastDurable;
    private readonly List<AgendaItem> _agenda = [];
    private readonly Dictionary<string, Opinion> _opinions = [];

    // Every durable entry, in order, as stored: the live pages are served from here, each filtering by what its reader
    // may see.
    private readonly List<RecordEntry> _entries = [];
    private List<Pending> _queue = [];
    private Task? _writing;
    private TaskCompletionSource _changed = NewSignal();

    // Revisions are numbered by the clock (UTC ticks), so that a page can ask for those since it was rendered. They
    // live as long as the activation, which open pages keep alive by waiting on it.
    private long _revision;
    private readonly List<(long Revision, string? ItemId)> _revised = [];
    private const int KeptRevisions = 500;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _tenantId = key[..key.IndexOf('/')];
        _meetingId = key[(key.IndexOf('/') + 1)..];
        await LoadAsync(cancellationToken);
    }

    public async Task Refresh() => await LoadAsync(CancellationToken.None);

    public Task<RecordResult> AddAgendaItem(string title, string? entryKey)
    {
        if (Refusal() is { } refused)
            return Task.FromResult(refused);
        if (Repeated(entryKey, EntryKind.AgendaItem) is { } repeated)
            return repeated;
        var (text, refusal) = RecordRules.CheckAgendaItem(title);
        if (text is null)
            return Task.FromResult(refusal!);
        var seq = ++_lastGiven;
        var item = new AgendaItem(Ids.New(), _agenda.Count + 1, text, seq);
        _agenda.Add(item);
        return EnqueueAsync(new RecordEntry(seq, item, null, null), entryKey);
    }

    public Task<RecordResult> AddOpinion(OpinionInput input, string? entryKey)
    {
        if (Refusal() is { } refused)
            return Task.FromResult(refused);
        if (Repeated(entryKey, EntryKind.Opinion) is { } repeated)
            return repeated;
        var (checkedInput, refusal) = RecordRules.CheckOpinion(input);
        if (checkedInput is null)
            return Task.FromResult(refusal!);
        var agendaItem = _agenda.Find(a => a.Id == checkedInput.AgendaItemId);
        if (agendaItem is null)
            return Task.FromResult(
                new RecordResult(null, "agenda.not_found", "agendaItemId", "議題・テーマがこの会議にありません。")
            );
        var respondsTo = checkedInput.RespondsTo;
        if (respondsTo is not null && !_opinions.ContainsKey(respondsTo))
            return Task.FromResult(
                new RecordResult(null, "opinion.not_found", "respondsTo", "回答先の意見がこの会議にありません。")
            );
        if (checkedInput.Kind == OpinionKind.Response && respondsTo is null)
            respondsTo = _opinions
                .Values.Where(o => o.AgendaItemId == agendaItem.Id && o.Kind != OpinionKind.Response)
                .MaxBy(o => o.Seq)
                ?.Id;
        var seq = ++_lastGiven;
        var opinion = new Opinion(
            Ids.New(),
            agendaItem.Id,
            seq,
            checkedInput.Kind ?? OpinionKind.Opinion,
            checkedInput.Text!,
            checkedInput.Speaker,
            checkedInput.Organisation,
            respondsTo,
            checkedInput.RecordedBy,
            Clock.Now(),
            checkedInput.Sensitivity ?? Sensitivity.Participants,
            checkedInput.Basis
        );
        _opinions[opinion.Id] = opinion;
        return EnqueueAsync(new RecordEntry(seq, null, opinion, null), entryKey);
    }

    public Task<RecordResult> AddComment(CommentInput input, string? entryKey)
    {
        if (Refusal() is { } refused)
            return Task.FromResult(refused);
        if (Repeated(entryKey, EntryKind.Comment) is { } repeated)
            return repeated;
        var (checkedComment, refusal) = RecordRules.CheckComment(input);
        if (checkedComment is null)
            return Task.FromResult(refusal!);
        var seq = ++_lastGiven;
        var c = checkedComment;
        var comment = new Comment(
            Ids.New(),
            seq,
            c.Kind ?? CommentKind.Comment,
            c.Speaker,
            c.Role,
            c.Position,
            c.Text!,
            Clock.Now(),
            c.Sensitivity ?? Sensitivity.Participants,
            c.Basis
        );
        return EnqueueAsync(new RecordEntry(seq, null, null, comment), entryKey);
    }

    public Task<IReadOnlyList<RecordEntry>> Entries() =>
        Task.FromResult<IReadOnlyList<RecordEntry>>(_entries.ToArray());

    public async Task<MeetingChange> WaitForChange(
        int afterSeq,
        long afterRevision,
        TimeSpan wait,
        CancellationToken cancellation
    )
    {
        if (afterRevision < 0)
            afterRevision = DateTime.UtcNow.Ticks;
        if (_lastDurable <= afterSeq && _revision <= afterRevision)
        {
            // A stopping host answers the pages' waits at once, pages of other hosts included: they ask again and reach
            // the meeting's next activation, and the host's stop need not wait out their waits.
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(
                cancellation,
                lifetime.ApplicationStopping
            );
            await Task.WhenAny(_changed.Task, Task.Delay(wait, waiting.Token));
        }
        var revisions = _revised.Where(r => r.Revision > afterRevision).ToList();
        // A change of pledges (no item) can show any resident's item differently: all of them are sent again.
        var revised = revisions.Any(r => r.ItemId is null)
            ? _entries.Where(e => ItemLevel(e)?.IsPersonal() == true).ToList()
            : _entries.Where(e => ItemId(e) is { } id && revisions.Any(r => r.ItemId == id)).ToList();
        // An item revised that is no longer kept was deleted by a correction.
        var removed = revisions
            .Select(r => r.ItemId)
            .OfType<string>()
            .Distinct()
            .Where(id => !_entries.Exists(e => ItemId(e) == id))
            .ToList();
        return new MeetingChange(
            _lastDurable,
            Math.Max(afterRevision, _revision),
            EntriesAfter(afterSeq),
            revised,
            revisions.Count > 0,
            removed
        );
    }

    public async Task Revised(string? itemId)
    {
        // The item's level may have changed in the database: the entries are read again, once here rather than by every
        // page.
        if (itemId is not null)
            await LoadAsync(CancellationToken.None);
        MarkRevised([itemId]);
    }

    /// <summary>Tells the open pages to show these items again (or to drop those no longer kept).</summary>
    private void MarkRevised(IEnumerable<string?> itemIds)
    {
        _revision = Math.Max(_revision + 1, DateTime.UtcNow.Ticks);
        foreach (var itemId in itemIds)
            _revised.Add((_revision, itemId));
        if (_revised.Count > KeptRevisions)
            _revised.RemoveRange(0, _revised.Count - KeptRevisions);
        Signal();
    }

    private static string? ItemId(RecordEntry e) => CorrectedItems.IdOf(e);

    private static Sensitivity? ItemLevel(RecordEntry e) => e.Opinion?.Sensitivity ?? e.Comment?.Sensitivity;

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.SetResult();
    }

    private async Task<RecordResult> EnqueueAsync(RecordEntry entry, string? key)
    {
        // The caller's audit row is written in the same batch as the entry: a recorded opinion always has its row.
        var pending = new Pending(
            entry,
            PendingAudit.Received(),
            key,
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
        );
        _queue.Add(pending);
        if (key is not null)
            _unwrittenKeys[key] = pending;
        // A writer that has left its loop has completed in the same turn (SQLite even completes it synchronously), so a
        // completed writer is the only kind that will not see this entry.
        if (_writing is null || _writing.IsCompleted)
            _writing = WriteQueueAsync();
        await pending.Written.Task;
        return new RecordResult(entry);
    }

    private async Task WriteQueueAsync()
    {
        while (_queue.Count > 0)
        {
            var batch = _queue;
            _queue = [];
            try
            {
                var audit = batch.Select(p => p.Audit).OfType<AuditStamp>().DistinctBy(a => a.EntryId).ToList();
                var keys = batch.Where(p => p.Key is not null).Select(p => (p.Key!, p.Entry.Seq)).ToList();
                await records.WriteAsync(_tenantId, _meetingId, batch.Select(p => p.Entry).ToList(), audit, keys);
                _lastDurable = batch[^1].Entry.Seq;
                Durable(batch.Select(p => p.Entry).ToList());
                foreach (var (key, seq) in keys)
                    _keys[key] = seq;
                ForgetUnwritten(batch);
                foreach (var p in batch)
                    p.Written.SetResult();
                Signal();
            }
            catch (Exception e)
            {
                // Nothing of the batch was written: forget it, so that the next entries do not refer to it.
                ForgetUnwritten(batch);
                var stale = StorageFaults.IsDuplicateKey(e) ? new StaleRecordException() : null;
                foreach (var p in batch)
                {
                    if (p.Entry.AgendaItem is { } a)
                        _agenda.Remove(a);
                    if (p.Entry.Opinion is { } o)
                        _opinions.Remove(o.Id);
                    p.Written.SetException(stale ?? e);
                }
                // Another activation of this meeting (a host taken for dead that was not) may have written what this
                // one holds as not written: the next call starts from the database again.
                if (!StorageFaults.IsUnavailable(e))
                {
                    DeactivateOnIdle();
                    // Open pages waiting on this activation ask again, and reach the one that holds the record.
                    Signal();
                }
            }
        }
    }

    private RecordResult? Refusal() =>
        _meeting switch
        {
            null => new RecordResult(null, "meeting.not_found", null, "会議が見つかりません。"),
            { Status: MeetingStatus.Cancelled } => new RecordResult(
                null,
                "meeting.cancelled",
                null,
                "中止になった会議には記録できません。"
            ),
            { Status: MeetingStatus.MinutesApproved } => new RecordResult(
                null,
                "meeting.minutes_approved",
                null,
                "概要が確定しているため記録・修正できません。「確定を取り消す（訂正）」で理由を記録してから修正してください。"
            ),
            _ => null,
        };

    /// <summary>
    /// Reads the meeting and its record. What is read is merged into what the grain holds, never put in its place:
    /// entries accepted meanwhile (reentrancy) are not in the database yet, or were written after this read.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _meeting = await meetings.FindAsync(_tenantId, _meetingId, cancellationToken);
        if (_meeting is null)
            return;
        var stored = await records.EntriesAsync(_tenantId, _meetingId, cancellationToken);
        foreach (var a in stored.Select(e => e.AgendaItem).OfType<AgendaItem>())
            if (_agenda.FindIndex(x => x.Id == a.Id) is var i and >= 0)
                _agenda[i] = a;
            else
                _agenda.Add(a);
        _agenda.Sort((a, b) => a.Position.CompareTo(b.Position));
        foreach (var o in stored.Select(e => e.Opinion).OfType<Opinion>())
            _opinions[o.Id] = o;
        Durable(stored);
        foreach (var (key, seq) in await records.EntryKeysAsync(_tenantId, _meetingId, cancellationToken))
            _keys[key] = seq;
        _lastDurable = Math.Max(_lastDurable, _meeting.RecordSeq);
        _lastGiven = Math.Max(_lastGiven, _lastDurable);
    }

    /// <summary>Adds durable entries to those kept in order; one already kept (read again) is replaced.</summary>
    private void Durable(IReadOnlyList<RecordEntry> entries)
    {
        if (entries.Count == 0)
            return;
        if (_entries.Count == 0 || entries[0].Seq > _entries[^1].Seq)
        {
            _entries.AddRange(entries);
            return;
        }
        var bySeq = _entries.ToDictionary(e => e.Seq);
        foreach (var e in entries)
            bySeq[e.Seq] = e;
        _entries.Clear();
        _entries.AddRange(bySeq.Values.OrderBy(e => e.Seq));
    }

    /// <summary>The entries after <paramref name="seq"/>: usually the last few, found by halving.</summary>
    private List<RecordEntry> EntriesAfter(int seq)
    {
        int low = 0,
            high = _entries.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_entries[middle].Seq <= seq)
                low = middle + 1;
            else
                high = middle;
        }
        return _entries.GetRange(low, _entries.Count - low);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
