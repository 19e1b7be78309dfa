using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Core.Meetings;

namespace Platform.Core.Notices;

/// <summary>
/// A meeting's replies (出欠) against the organisations it convenes: the list with the attendance they make, and one
/// reply recorded after checking it and that its organisation is convened.
/// </summary>
public sealed class ReplyBook(MeetingStore meetings, MeetingContext context, NoticeStore notices, TimeProvider time)
{
    public async Task<(MeetingView Meeting, MeetingReplies Replies)> ListAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken
    )
    {
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var view = await context.ViewAsync(tenantId, meeting, cancellationToken);
        var replies = (await notices.RepliesAsync(tenantId, meetingId, cancellationToken)).ToDictionary(r =>
            r.OrganisationId
        );
        var rows = view
            .Convened.Select(c => new OrganisationReply(
                c.OrganisationId,
                c.Name,
                replies.GetValueOrDefault(c.OrganisationId)
            ))
            .ToList();
        var answered = rows.Select(r => r.Reply).OfType<MeetingReply>().ToList();
        return (
            view,
            new MeetingReplies(
                meetingId,
                answered.Where(r => r.Answer == ReplyAnswers.Attending).Sum(r => r.HeadCount),
                answered.Count(r => r.Answer == ReplyAnswers.Attending),
                answered.Count(r => r.Answer == ReplyAnswers.Absent),
                answered.Count(r => r.Answer == ReplyAnswers.Undecided),
                rows.Count - answered.Count,
                rows
            )
        );
    }

    /// <summary>
    /// Checks and records one reply. Refused, nothing is written: an organisation the meeting does not convene
    /// (<c>reply.not_convened</c>) or a field that fails <see cref="NoticeRules.CheckReply"/>.
    /// </summary>
    public async Task<(MeetingReply? Reply, PlatformException? Refusal)> SaveAsync(
        string tenantId,
        string meetingId,
        string organisationId,
        ReplyInput input,
        string by,
        string? forcedVia,
        CancellationToken cancellationToken,
        string? tokenId = null
    )
    {
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var view = await context.ViewAsync(tenantId, meeting, cancellationToken);
        if (view.Convened.All(c => c.OrganisationId != organisationId))
            return (null, NoticeLetters.NotConvened("reply.not_convened"));
        var (reply, refusal) = NoticeRules.CheckReply(organisationId, input, by, Clock.TodayInJapan(time), forcedVia);
        if (reply is null)
            return (null, refusal.ToException());
        if (tokenId is null)
            await notices.SaveReplyAsync(tenantId, meetingId, reply, cancellationToken);
        else if (!await notices.SaveReplyWithTokenAsync(tenantId, meetingId, reply, tokenId, cancellationToken))
            return (null, ReplyLinks.Used());
        return (reply, null);
    }
}
