using Platform.Core.Audit;
using Platform.Core.Storage;

namespace Platform.Core.Records;

/// <summary>
/// Corrections of the record: one at a time, checked against the record as the grain holds it (entries still being
/// written included, so that nothing is deleted that a queued entry refers to), applied to what the grain holds at
/// once (so that entries arriving meanwhile see it), written with the correction kept, and undone in memory if the
/// write fails. Open pages are sent the corrected items again, or told which were deleted.
/// </summary>
public sealed partial class MeetingGrain
{
    private readonly SemaphoreSlim _correcting = new(1, 1);

    public Task<RecordResult> CorrectAgendaItem(string agendaItemId, AgendaItemChange change, string by) =>
        OneAtATimeAsync(() =>
        {
            if (_agenda.Find(a => a.Id == agendaItemId) is not { } before || Kept(agendaItemId) is not { } entry)
                return Task.FromResult(NotFound("agenda.not_found", "議題・テーマ"));
            var (title, refusal) = change.Title is null
                ? ((string?)before.Title, (RecordResult?)null)
                : RecordRules.CheckAgendaItem(change.Title);
            if (title is null)
                return Task.FromResult(refusal!);
            var position = change.Position ?? before.Position;
            if (position < 1 || position > _agenda.Count)
                return Task.FromResult(
                    Refused("agenda.invalid_position", "position", $"順番は1から{_agenda.Count}で指定してください。")
                );
            var was = _agenda.ToList();
            _agenda.Remove(before);
            _agenda.Insert(position - 1, before with { Title = title });
            var moved = Renumber();
            var after = entry with { AgendaItem = _agenda[position - 1] };
            var kind = change.Title is null || title == before.Title ? ChangeKind.Move : ChangeKind.Edit;
            return WriteAsync(entry, after, moved, kind, by, undo: () => Restore(was));
        });

    public Task<RecordResult> CorrectOpinion(string opinionId, OpinionChange change, string by) =>
        OneAtATimeAsync(() =>
        {
            if (Kept(opinionId) is not { Opinion: { } before } entry)
                return Task.FromResult(NotFound("opinion.not_found", "意見"));
            var (input, refusal) = RecordRules.CheckOpinion(
                new OpinionInput(
                    change.AgendaItemId ?? before.AgendaItemId,
                    change.Text ?? before.Text,
                    change.Kind ?? before.Kind,
                    change.Speaker ?? before.Speaker,
                    change.Organisation ?? before.Organisation
                )
            );
            if (input is null)
                return Task.FromResult(refusal!);
            if (!_agenda.Exists(a => a.Id == input.AgendaItemId))
                return Task.FromResult(
                    Refused("agenda.not_found", "agendaItemId", "移動先の議題・テーマがこの会議にありません。")
                );
            var opinion = before with
            {
                AgendaItemId = input.AgendaItemId!,
                Text = input.Text!,
                Kind = input.Kind ?? before.Kind,
                Speaker = input.Speaker,
                Organisation = input.Organisation,
            };
            _opinions[opinionId] = opinion;
            var kind =
                opinion with { AgendaItemId = before.AgendaItemId } == before ? ChangeKind.Move : ChangeKind.Edit;
            return WriteAsync(
                entry,
                entry with
                {
                    Opinion = opinion,
                },
                [],
                kind,
                by,
                () => _opinions[opinionId] = before
            );
        });

    public Task<RecordResult> CorrectComment(string commentId, CommentChange change, string by) =>
        OneAtATimeAsync(() =>
        {
            if (Kept(commentId) is not { Comment: { } before } entry)
                return Task.FromResult(NotFound("comment.not_found", "コメント"));
            var (input, refusal) = RecordRules.CheckComment(
                new CommentInput(
                    change.Speaker ?? before.Speaker,
                    change.Text ?? before.Text,
                    change.Kind ?? before.Kind,
                    change.Role ?? before.Role,
                    change.Position ?? before.Position
                )
            );
            if (input is null)
                return Task.FromResult(refusal!);
            var comment = before with
            {
                Speaker = input.Speaker,
                Text = input.Text!,
                Kind = input.Kind ?? before.Kind,
                Role = input.Role,
                Position = input.Position,
            };
            return WriteAsync(entry, entry with { Comment = comment }, [], ChangeKind.Edit, by, () => { });
        });

    public Task<RecordResult> Delete(string itemId, string by) =>
        OneAtATimeAsync(async () =>
        {
            if (Kept(itemId) is not { } entry)
                return NotFound("record.item_not_found", "記録");
            if (entry.AgendaItem is { } theme)
            {
                var inside = _opinions.Values.Count(o => o.AgendaItemId == theme.Id);
                if (inside > 0)
                    return Conflict(
                        "agenda.not_empty",
                        $"このテーマには意見が{inside}件あります。先に意見を別のテーマへ移すか削除してください。"
                    );
                var was = _agenda.ToList();
                _agenda.Remove(theme);
                return await WriteAsync(entry, null, Renumber(), ChangeKind.Delete, by, () => Restore(was));
            }
            if (entry.Opinion is { } opinion)
            {
                if (await _corrections.ActionsFromAsync(_tenantId, opinion.Id) > 0)
                    return Conflict(
                        "opinion.has_actions",
                        "この意見から対応事項が作られています。先に対応事項を削除してください。"
                    );
                // Checked after the await, so that a response accepted meanwhile is seen.
                if (_opinions.Values.Any(o => o.RespondsTo == opinion.Id))
                    return Conflict(
                        "opinion.has_responses",
                        "この意見への回答があります。先に回答を削除してください。"
                    );
                _opinions.Remove(opinion.Id);
                return await WriteAsync(entry, null, [], ChangeKind.Delete, by, () => _opinions[opinion.Id] = opinion);
            }
            return await WriteAsync(entry, null, [], ChangeKind.Delete, by, () => { });
        });

    /// <summary>
    /// Runs one correction after another; the meeting's own refusals (cancelled, 概要 confirmed) first. The checks run
    /// once the earlier correction is written, against the record as it is then.
    /// </summary>
    private async Task<RecordResult> OneAtATimeAsync(Func<Task<RecordResult>> correct)
    {
        await _correcting.WaitAsync();
        try
        {
            return Refusal() ?? await correct();
        }
        finally
        {
            _correcting.Release();
        }
    }

    /// <summary>
    /// Writes the correction of <paramref name="before"/> (to <paramref name="after"/>, or deleted when that is null)
    /// with the themes it moved, keeps it and tells the open pages; <paramref name="undo"/> puts back what was changed
    /// in memory when the write fails.
    /// </summary>
    private async Task<RecordResult> WriteAsync(
        RecordEntry before,
        RecordEntry? after,
        IReadOnlyList<RecordEntry> moved,
        ChangeKind change,
        string by,
        Action undo
    )
    {
        var itemId = CorrectedItems.IdOf(before)!;
        var correction = new CorrectionStore.Pending(
            Ids.New(),
            _meetingId,
            CorrectedItems.KindOf(before),
            itemId,
            change,
            CorrectedItems.Snapshot(before),
            CorrectedItems.Snapshot(after),
            CorrectedItems.LevelOf(before),
            by,
            Clock.Now()
        );
        var updated = after is null ? moved : [after, .. moved.Where(m => CorrectedItems.IdOf(m) != itemId)];
        try
        {
            await _corrections.WriteAsync(
                _tenantId,
                updated,
                after is null ? before : null,
                correction,
                PendingAudit.Received()
            );
        }
        catch
        {
            undo();
            throw;
        }
        if (after is null)
            _entries.RemoveAll(e => e.Seq == before.Seq);
        foreach (var entry in updated)
            _entries[_entries.FindIndex(e => e.Seq == entry.Seq)] = entry;
        MarkRevised([itemId, .. moved.Select(CorrectedItems.IdOf)]);
        return new RecordResult(after ?? before);
    }

    /// <summary>The durable entry of an item; an item still being written cannot be corrected yet.</summary>
    private RecordEntry? Kept(string itemId) => _entries.Find(e => ItemId(e) == itemId);

    /// <summary>Numbers the themes 1, 2, … in their order; answers the entries of those whose number changed.</summary>
    private List<RecordEntry> Renumber()
    {
        var moved = new List<RecordEntry>();
        for (var i = 0; i < _agenda.Count; i++)
        {
            if (_agenda[i].Position == i + 1 && Kept(_agenda[i].Id)?.AgendaItem == _agenda[i])
                continue;
            _agenda[i] = _agenda[i] with { Position = i + 1 };
            if (Kept(_agenda[i].Id) is { } entry)
                moved.Add(entry with { AgendaItem = _agenda[i] });
        }
        return moved;
    }

    private void Restore(List<AgendaItem> agenda)
    {
        _agenda.Clear();
        _agenda.AddRange(agenda);
    }

    private static RecordResult NotFound(string code, string what) =>
        new(null, code, null, $"{what}が見つかりません。");

    private static RecordResult Conflict(string code, string message) => new(null, code, null, message);

    private static RecordResult Refused(string code, string field, string message) => new(null, code, field, message);
}
