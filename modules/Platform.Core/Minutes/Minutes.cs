using Platform.Abstractions.Tenancy;
using Platform.Core.Bodies;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.Records;

namespace Platform.Core.Minutes;

/// <summary>
/// Everything a summary (概要) shows, gathered once and handed to each format. The summary is what the prefecture
/// and the next meeting read. Its record comes through <see cref="Privacy.Disclosure"/>: staff see what their clearance
/// allows; the public version (公開版, <see cref="IsPublicVersion"/>) holds only 公開 content, with markers in place of
/// the rest, and leaves out the names of attendees. A 概要 reopened after it was confirmed says so (訂正, <see
/// cref="Reopenings"/>).
/// </summary>
public sealed record Minutes(
    TenantInfo Tenant,
    Body Body,
    District? District,
    MeetingView Meeting,
    MeetingRecord Record,
    IReadOnlyDictionary<string, Organisation> Organisations,
    IReadOnlyList<Handout> Handouts,
    bool IsPublicVersion = false,
    IReadOnlyList<Reopening>? Reopenings = null
)
{
    public string Heading => Meeting.Title + (IsPublicVersion ? "　概要（公開版）" : "　概要");

    /// <summary>The opinions of one agenda item, each followed by the responses (⇒) to it.</summary>
    public IEnumerable<(Opinion Opinion, int Depth)> Thread(AgendaItem item)
    {
        var mine = Record.Opinions.Where(o => o.AgendaItemId == item.Id).ToList();
        var answers = mine.Where(o => o.RespondsTo is not null).ToLookup(o => o.RespondsTo!);
        var ids = mine.Select(o => o.Id).ToHashSet();
        foreach (var root in mine.Where(o => o.RespondsTo is null || !ids.Contains(o.RespondsTo)))
        {
            yield return (root, 0);
            foreach (var answer in answers[root.Id])
                yield return (answer, 1);
        }
    }

    public IEnumerable<Comment> Comments => Record.Comments.Where(c => c.Kind == CommentKind.Comment);

    /// <summary>The role of a comment by a member of the body (連絡会議会員), which the 概要 lists apart from the
    /// advisors' comments, as the prefecture's documents do.</summary>
    public static readonly string MemberRole = PersonRoleKind.LiaisonMember.Japanese();

    /// <summary>Comments by advisors and others (アドバイザー等よりコメント): every comment not a member's.</summary>
    public IEnumerable<Comment> AdvisorComments => Comments.Where(c => c.Role != MemberRole);

    /// <summary>Comments by the body's members (連絡会議会員よりコメント).</summary>
    public IEnumerable<Comment> MemberComments => Comments.Where(c => c.Role == MemberRole);

    /// <summary>Comments and reviews in the order the 概要 shows them: advisors', members', then the review.</summary>
    public IEnumerable<Comment> CommentsInOrder => AdvisorComments.Concat(MemberComments).Concat(Reviews);

    /// <summary>The heading of the members' comments.</summary>
    public static readonly string MemberCommentsHeading = MemberRole + "よりコメント";

    public IEnumerable<Comment> Reviews => Record.Comments.Where(c => c.Kind == CommentKind.Review);

    public string OrganisationName(string? id) => id is null ? "" : Organisations.GetValueOrDefault(id)?.Name ?? id;

    public string SlotsText(bool fullWidth = true)
    {
        var text = string.Join("，", Meeting.Slots.Select(s => $"{s.Start}～{s.End}"));
        return fullWidth ? Wareki.FullWidthDigits(text).Replace(':', '：') : text;
    }

    /// <summary>気仙沼市(19)，登米市(14) … as the summaries write attendance.</summary>
    public string CountsText => string.Join("，", Meeting.Attendance.Counts.Select(c => $"{c.Name}({c.Count})"));

    public static string SpeakerLabel(Comment c) =>
        string.Join(
            " ",
            new[] { c.Speaker + (c.Position ?? ""), c.Role is null ? null : $"（{c.Role}）" }.Where(s =>
                !string.IsNullOrEmpty(s)
            )
        );
}
