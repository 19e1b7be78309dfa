using Platform.Abstractions.Errors;
using Platform.Abstractions.Records;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Storage;

namespace Platform.Core.Sdk;

/// <summary>Held meetings with their records from a published document, written with the module's own rows in one
/// transaction.</summary>
public sealed class SdkMeetingImport(Database database, MeetingRules rules, MeetingContext context) : IMeetingImport
{
    public async Task<IReadOnlyList<Meeting>> ImportAsync(
        string tenantId,
        IReadOnlyList<ImportedMeeting> imported,
        IReadOnlyList<string> replacing,
        Func<IModuleTransaction, IReadOnlyList<Meeting>, Task> alsoWrite,
        CancellationToken cancellationToken = default
    )
    {
        var now = Clock.Now();
        var prepared = new List<(Meeting Meeting, IReadOnlyList<RecordEntry> Entries)>();
        foreach (var m in imported)
        {
            var meeting = await rules.PrepareAsync(
                tenantId,
                m.Input,
                MeetingKinds.BuiltIn,
                Ids.New(),
                cancellationToken
            );
            prepared.Add((meeting with { Status = MeetingStatus.Held, HeldAt = now }, Entries(m, now)));
        }
        var written = prepared.Select(p => p.Meeting).ToList();
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var meetingId in replacing)
                    await MeetingStore.DeleteAsync(connection, transaction, tenantId, meetingId);
                foreach (var (meeting, entries) in prepared)
                {
                    await MeetingStore.InsertAsync(connection, transaction, tenantId, meeting);
                    if (entries.Count > 0)
                        await RecordStore.WriteAsync(connection, transaction, tenantId, meeting.Id, entries);
                }
                await alsoWrite(new ModuleTransaction(connection, transaction), written);
                return 0;
            },
            cancellationToken
        );
        foreach (var bodyId in written.Select(m => m.BodyId).Distinct())
            await context.MeetingChangedAsync(tenantId, bodyId, cancellationToken);
        return written;
    }

    // A document that was published says what is public.
    private const Sensitivity Published = Sensitivity.Public;

    private static IReadOnlyList<RecordEntry> Entries(ImportedMeeting m, string now)
    {
        var entries = new List<RecordEntry>();
        var seq = 0;
        var position = 0;
        foreach (var theme in m.Themes)
        {
            var item = new AgendaItem(Ids.New(), ++position, Checked(theme.Title, "テーマ"), ++seq);
            entries.Add(new RecordEntry(seq, item, null, null));
            string? last = null;
            foreach (var o in theme.Opinions)
            {
                var opinion = new Opinion(
                    Ids.New(),
                    item.Id,
                    ++seq,
                    o.IsResponse ? OpinionKind.Response : OpinionKind.Opinion,
                    Checked(o.Text, "意見"),
                    null,
                    null,
                    o.IsResponse ? last : null,
                    null,
                    now,
                    Published
                );
                if (!o.IsResponse)
                    last = opinion.Id;
                entries.Add(new RecordEntry(seq, null, opinion, null));
            }
        }
        foreach (var c in m.Comments)
            entries.Add(
                new RecordEntry(
                    ++seq,
                    null,
                    null,
                    new Comment(
                        Ids.New(),
                        seq,
                        c.IsReview ? CommentKind.Review : CommentKind.Comment,
                        c.Speaker,
                        c.Role,
                        c.Position,
                        Checked(c.Text, "コメント"),
                        now,
                        Published
                    )
                )
            );
        return entries;
    }

    private static string Checked(string text, string what) =>
        text.Length <= RecordLimits.MaxTextLength
            ? text
            : throw new PlatformException(
                413,
                "import.too_large",
                $"{what}が長すぎます。",
                $"{what}は1件{RecordLimits.MaxTextLength}文字までです。改行が抜けていないか確認してください。"
            );
}
