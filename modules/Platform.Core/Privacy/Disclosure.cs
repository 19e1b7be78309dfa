using Microsoft.AspNetCore.Http;
using Platform.Core.Audit;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Privacy;

/// <summary>
/// The one way a meeting's record, its handouts and its live entries are read for people. It decides item by item
/// what the audience may see (level against the reader's clearance in the meeting's district, the reader's pledge,
/// withdrawn consent, erasure), puts a marker where an item is withheld, and writes every view of a resident's
/// information to the audit log. Outputs (pages, API, summaries, exports, plugins) build on what it returns, so none
/// can show more than this allows.
/// </summary>
public sealed class Disclosure(
    RecordStore records,
    HandoutStore handouts,
    PrivacyStore privacy,
    BodyStore bodies,
    AuditLog audit,
    IGrainFactory grains
)
{
    /// <summary>What one audience may see of one body's meetings: a pure decision, from what was loaded once.</summary>
    private sealed class Sight(
        Audience audience,
        string? districtId,
        IReadOnlyDictionary<string, PersonalMark> marks,
        IReadOnlySet<string> pledged
    )
    {
        public Withheld? Why(string itemId, string meetingId, Sensitivity level)
        {
            if (level > audience.ClearanceIn(districtId))
                return Withheld.Level;
            if (marks.TryGetValue(itemId, out var mark))
            {
                if (mark.ErasedAt is not null)
                    return Withheld.Erased;
                if (mark.WithdrawnAt is not null)
                    return Withheld.ConsentWithdrawn;
            }
            if (level.IsPersonal() && !pledged.Contains(meetingId))
                return Withheld.NoPledge;
            return null;
        }

        public PersonalBasis? Basis(string itemId) => marks.GetValueOrDefault(itemId)?.Basis;
    }

    private sealed class Views(Audience audience, string path)
    {
        public List<AuditEntry> Entries { get; } = [];

        public void Saw(string kind, string id, Sensitivity level)
        {
            if (level.IsPersonal())
                Entries.Add(
                    new AuditEntry(Clock.Now(), audience.Name, "view", $"{kind}/{id} {level.Japanese()}", path, 200)
                );
        }
    }

    /// <summary>The record as <paramref name="audience"/> may see it, outside a request's own page: <paramref
    /// name="path"/> names the reading in the audit log.</summary>
    public async Task<MeetingRecord> RecordAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        CancellationToken cancellationToken
    ) => (await ReadAsync(tenantId, meeting, audience, path, withHandouts: false, cancellationToken)).Record;

    /// <summary>The record and the handouts together, for the meeting page and the summary: one look at who may see
    /// what.</summary>
    public Task<(MeetingRecord Record, IReadOnlyList<Handout> Handouts)> RecordAndHandoutsAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        CancellationToken cancellationToken
    ) => ReadAsync(tenantId, meeting, audience, path, withHandouts: true, cancellationToken);

    private async Task<(MeetingRecord Record, IReadOnlyList<Handout> Handouts)> ReadAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        bool withHandouts,
        CancellationToken cancellationToken
    )
    {
        var record = await LoadAsync(tenantId, meeting, cancellationToken);
        var meetingIds = record.Carried.Select(a => a.MeetingId).Append(meeting.Id);
        var sight = await SightAsync(tenantId, meeting, audience, meetingIds, cancellationToken);
        var views = new Views(audience, path);
        var shown = new MeetingRecord(
            record.Agenda,
            record.Opinions.Select(o => Show(o, meeting.Id, sight, views)).ToList(),
            record.Comments.Select(c => Show(c, meeting.Id, sight, views)).ToList(),
            record.Actions.Select(a => Show(a, sight, views)).ToList(),
            record.Carried.Select(a => Show(a, sight, views)).ToList()
        );
        IReadOnlyList<Handout> shownHandouts = withHandouts
            ? (await handouts.ListAsync(tenantId, meeting.Id, cancellationToken))
                .Select(h => Show(h, meeting.Id, sight, views))
                .ToList()
            : [];
        await audit.WriteAsync(tenantId, views.Entries, cancellationToken);
        return (shown, shownHandouts);
    }

    /// <summary>The record, unfiltered: what was said from the meeting's grain, which holds it, and the action items
    /// from the database.</summary>
    private async Task<MeetingRecord> LoadAsync(string tenantId, Meeting meeting, CancellationToken cancellationToken)
    {
        var entries = await grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meeting.Id)).Entries();
        var (actions, carried) = await records.ActionsAsync(tenantId, meeting, cancellationToken);
        return new MeetingRecord(
            entries.Select(e => e.AgendaItem).OfType<AgendaItem>().OrderBy(a => a.Position).ToList(),
            entries.Select(e => e.Opinion).OfType<Opinion>().ToList(),
            entries.Select(e => e.Comment).OfType<Comment>().ToList(),
            actions,
            carried
        );
    }

    /// <summary>
    /// A recorder's live page: what its reader may see of the meeting, decided once when the page connects and again
    /// when the meeting grain says that levels, withdrawals or pledges changed (<see cref="Follower.RefreshAsync"/>).
    /// Entries come from the grain's memory; showing them reads nothing, and writes the audit rows of a resident's
    /// items.
    /// </summary>
    public async Task<Follower> FollowAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        CancellationToken cancellationToken
    )
    {
        var follower = new Follower(this, tenantId, meeting, audience, path);
        await follower.RefreshAsync(cancellationToken);
        return follower;
    }

    public sealed class Follower(
        Disclosure disclosure,
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path
    )
    {
        private Sight? _sight;

        public async Task RefreshAsync(CancellationToken cancellationToken) =>
            _sight = await disclosure.SightAsync(tenantId, meeting, audience, [meeting.Id], cancellationToken);

        public async Task<IReadOnlyList<RecordEntry>> ShowAsync(
            IReadOnlyList<RecordEntry> entries,
            CancellationToken cancellationToken
        ) => await disclosure.ShowAsync(tenantId, meeting, audience, path, _sight!, entries, cancellationToken);
    }

    private async Task<IReadOnlyList<RecordEntry>> ShowAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        Sight sight,
        IReadOnlyList<RecordEntry> entries,
        CancellationToken cancellationToken
    )
    {
        if (entries.Count == 0)
            return entries;
        var views = new Views(audience, path);
        var shown = entries
            .Select(e =>
                e with
                {
                    Opinion = e.Opinion is { } o ? Show(o, meeting.Id, sight, views) : null,
                    Comment = e.Comment is { } c ? Show(c, meeting.Id, sight, views) : null,
                }
            )
            .ToList();
        await audit.WriteAsync(tenantId, views.Entries, cancellationToken);
        return shown;
    }

    /// <summary>
    /// A just-recorded entry as its recorder may see it. The recorder's page shows whichever arrives first, this answer
    /// or the live stream's copy, so both must say the same: a resident's information without the pledge is a marker in
    /// both.
    /// </summary>
    public async Task<RecordEntry> EntryAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        RecordEntry entry,
        CancellationToken cancellationToken
    ) =>
        (
            await (await FollowAsync(tenantId, meeting, audience, path, cancellationToken)).ShowAsync(
                [entry],
                cancellationToken
            )
        )[0];

    public async Task<IReadOnlyList<Handout>> HandoutsAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        CancellationToken cancellationToken
    )
    {
        var sight = await SightAsync(tenantId, meeting, audience, [meeting.Id], cancellationToken);
        var views = new Views(audience, path);
        var shown = (await handouts.ListAsync(tenantId, meeting.Id, cancellationToken))
            .Select(h => Show(h, meeting.Id, sight, views))
            .ToList();
        await audit.WriteAsync(tenantId, views.Entries, cancellationToken);
        return shown;
    }

    /// <summary>A handout's file for the signed-in reader; a withheld one answers as if it did not exist. A personal
    /// one is audited.</summary>
    public async Task<(Handout Handout, byte[] Content)> HandoutFileAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string path,
        string handoutId,
        CancellationToken cancellationToken
    )
    {
        var (handout, content) = await handouts.GetAsync(tenantId, meeting.Id, handoutId, cancellationToken);
        var sight = await SightAsync(tenantId, meeting, audience, [meeting.Id], cancellationToken);
        if (sight.Why(handout.Id, meeting.Id, handout.Sensitivity) is not null)
            throw Abstractions.Errors.PlatformException.NotFound("handout.not_found", "配布資料");
        var views = new Views(audience, path);
        views.Saw(ItemKinds.Handout, handout.Id, handout.Sensitivity);
        await audit.WriteAsync(tenantId, views.Entries, cancellationToken);
        return (handout, content);
    }

    /// <summary>Action items of any of the tenant's meetings, each as the audience may see it in its own body's
    /// district.</summary>
    public async Task<IReadOnlyList<ActionItem>> ActionsAsync(
        string tenantId,
        Audience audience,
        string path,
        IReadOnlyList<ActionItem> actions,
        CancellationToken cancellationToken
    )
    {
        var marks = await privacy.MarksAsync(tenantId, actions.Select(a => a.MeetingId), cancellationToken);
        var pledged = await privacy.PledgedMeetingsAsync(tenantId, audience.AccountId, cancellationToken);
        var views = new Views(audience, path);
        var shown = new Dictionary<string, ActionItem>();
        foreach (var group in actions.GroupBy(a => a.BodyId))
        {
            var sight = new Sight(
                audience,
                (await bodies.FindAsync(tenantId, group.Key, cancellationToken))?.DistrictId,
                marks,
                pledged
            );
            foreach (var a in group)
                shown[a.Id] = Show(a, sight, views);
        }
        await audit.WriteAsync(tenantId, views.Entries, cancellationToken);
        return actions.Select(a => shown[a.Id]).ToList();
    }

    // The request's forms below stay only for the meeting and record endpoints that still pass their request; they go
    // once those pass the tenant, the reader and the path.

    public async Task<MeetingRecord> RecordAsync(HttpContext http, Meeting meeting) =>
        await RecordAsync(http.Tenant().Id, meeting, http.Audience(), http.Request.Path, http.RequestAborted);

    public Task<(MeetingRecord Record, IReadOnlyList<Handout> Handouts)> RecordAndHandoutsAsync(
        HttpContext http,
        Meeting meeting
    ) => RecordAndHandoutsAsync(http.Tenant().Id, meeting, http.Audience(), http.Request.Path, http.RequestAborted);

    public Task<Follower> FollowAsync(HttpContext http, Meeting meeting, CancellationToken cancellationToken) =>
        FollowAsync(http.Tenant().Id, meeting, http.Audience(), http.Request.Path, cancellationToken);

    public Task<RecordEntry> EntryAsync(HttpContext http, Meeting meeting, RecordEntry entry) =>
        EntryAsync(http.Tenant().Id, meeting, http.Audience(), http.Request.Path, entry, http.RequestAborted);

    public Task<IReadOnlyList<Handout>> HandoutsAsync(HttpContext http, Meeting meeting) =>
        HandoutsAsync(http.Tenant().Id, meeting, http.Audience(), http.Request.Path, http.RequestAborted);

    public Task<(Handout Handout, byte[] Content)> HandoutFileAsync(
        HttpContext http,
        Meeting meeting,
        string handoutId
    ) =>
        HandoutFileAsync(http.Tenant().Id, meeting, http.Audience(), http.Request.Path, handoutId, http.RequestAborted);

    public Task<IReadOnlyList<ActionItem>> ActionsAsync(HttpContext http, IReadOnlyList<ActionItem> actions) =>
        ActionsAsync(http.Tenant().Id, http.Audience(), http.Request.Path, actions, http.RequestAborted);

    /// <summary>Whether the audience may see an item of a meeting: for search hits and for turning an opinion into
    /// something else.</summary>
    public async Task<Withheld?> WhyWithheldAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        string itemId,
        Sensitivity level,
        CancellationToken cancellationToken = default
    ) =>
        (await SightAsync(tenantId, meeting, audience, [meeting.Id], cancellationToken)).Why(itemId, meeting.Id, level);

    private async Task<Sight> SightAsync(
        string tenantId,
        Meeting meeting,
        Audience audience,
        IEnumerable<string> meetingIds,
        CancellationToken cancellationToken
    )
    {
        var districtId = (await bodies.FindAsync(tenantId, meeting.BodyId, cancellationToken))?.DistrictId;
        return new Sight(
            audience,
            districtId,
            await privacy.MarksAsync(tenantId, meetingIds, cancellationToken),
            await privacy.PledgedMeetingsAsync(tenantId, audience.AccountId, cancellationToken)
        );
    }

    /// <summary>A handout's name is shown like its content: a file name can name a resident.</summary>
    private static Handout Show(Handout h, string meetingId, Sight sight, Views views)
    {
        if (sight.Why(h.Id, meetingId, h.Sensitivity) is { } why)
            return h with { FileName = SensitivityNames.Marker(h.Sensitivity, why), Withheld = why };
        views.Saw(ItemKinds.Handout, h.Id, h.Sensitivity);
        return h;
    }

    private static Opinion Show(Opinion o, string meetingId, Sight sight, Views views)
    {
        if (sight.Why(o.Id, meetingId, o.Sensitivity) is { } why)
            return o with
            {
                Text = SensitivityNames.Marker(o.Sensitivity, why),
                Speaker = null,
                Organisation = null,
                RecordedBy = null,
                Withheld = why,
            };
        views.Saw(ItemKinds.Opinion, o.Id, o.Sensitivity);
        return o with { Basis = sight.Basis(o.Id) ?? o.Basis };
    }

    /// <summary>Like an opinion's: who commented, in what role and position, can tell as much as what was
    /// said.</summary>
    private static Comment Show(Comment c, string meetingId, Sight sight, Views views)
    {
        if (sight.Why(c.Id, meetingId, c.Sensitivity) is { } why)
            return c with
            {
                Text = SensitivityNames.Marker(c.Sensitivity, why),
                Speaker = null,
                Role = null,
                Position = null,
                Withheld = why,
            };
        views.Saw(ItemKinds.Comment, c.Id, c.Sensitivity);
        return c with { Basis = sight.Basis(c.Id) ?? c.Basis };
    }

    /// <summary>The organisation in charge goes with the title: who is to visit a household can point to the
    /// household.</summary>
    private static ActionItem Show(ActionItem a, Sight sight, Views views)
    {
        if (sight.Why(a.Id, a.MeetingId, a.Sensitivity) is { } why)
            return a with
            {
                Title = SensitivityNames.Marker(a.Sensitivity, why),
                OwnerOrganisationId = null,
                Withheld = why,
            };
        views.Saw(ItemKinds.Action, a.Id, a.Sensitivity);
        return a with { Basis = sight.Basis(a.Id) };
    }
}
