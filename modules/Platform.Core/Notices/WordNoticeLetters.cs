using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.Tenancy;
using Platform.Core.Mail;

namespace Platform.Core.Notices;

/// <summary>The letter a notice mail carries: the organisation's own 開催通知 with its 出欠回答票, as the Word file
/// staff would download for it, numbered the same.</summary>
public sealed class WordNoticeLetters(NoticeLetters letters) : INoticeLetters
{
    public async Task<MailAttachment> LetterAsync(
        TenantInfo tenant,
        MeetingView meeting,
        Organisation organisation,
        CancellationToken cancellationToken
    )
    {
        var set = await letters.WriteAsync(tenant.Id, tenant.Name, meeting.Id, organisation.Id, cancellationToken);
        return new MailAttachment(
            $"開催通知_{meeting.Date:yyyyMMdd}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            NoticeDocx.Write(set)
        );
    }
}
