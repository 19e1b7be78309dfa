using System.Text;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.Tenancy;

namespace Platform.Core.Mail;

/// <summary>
/// The notice (開催通知) of a meeting for one convened organisation, as the file attached to its mail. The seam
/// between the mail outbox and the notice letters: the outbox asks for one organisation's letter and attaches what
/// it gets; the letters themselves (document number, 記, 出欠回答票, the tenant's template) are the notices' concern.
/// </summary>
public interface INoticeLetters
{
    Task<MailAttachment> LetterAsync(
        TenantInfo tenant,
        MeetingView meeting,
        Organisation organisation,
        CancellationToken cancellationToken
    );
}

/// <summary>Wording shared by the mails.</summary>
public static class MailTexts
{
    /// <summary>日時 and 場所 of a meeting, one line each: 和暦 with weekday, the time slots, venue and room.</summary>
    public static string When(MeetingView meeting)
    {
        var slots = string.Join("、", meeting.Slots.Select(s => $"{s.Start}～{s.End}"));
        var place = string.Join(" ", new[] { meeting.Venue, meeting.Room }.Where(p => !string.IsNullOrEmpty(p)));
        return $"日時：{meeting.DateJapanese}{(slots.Length > 0 ? " " + slots : "")}\n"
            + $"場所：{(place.Length > 0 ? place : "（追ってお知らせします）")}\n";
    }
}
