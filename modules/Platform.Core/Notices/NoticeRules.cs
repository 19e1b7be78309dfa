using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Core.Notices;

/// <summary>Checks a notice template and a reply before anything is written: every failing field at once.</summary>
public static class NoticeRules
{
    public const int MaxPrefix = 20;
    public const int MaxText = 1000;
    public const int MaxLine = 200;

    /// <summary>The most people one organisation may announce: far above any meeting.</summary>
    public const int MaxHeadCount = 100;

    public static (NoticeTemplate? Value, ValidationErrors Refusal) CheckTemplate(NoticeTemplateInput input)
    {
        var refusal = new ValidationErrors();
        string Text(string field, string label, string? text, int max)
        {
            var value = (text ?? "").Trim();
            if (value.Length > max)
                refusal.Add(field, "notices.text_too_long", $"{label}は{max}文字以内で入力してください。");
            refusal.RefuseInvisible(field, label, value);
            return value;
        }

        var prefix = Text("prefix", "文書番号の前に付ける文字", input.Prefix, MaxPrefix);
        var opening = Text("opening", "書き出しの文", input.Opening, MaxText);
        var closing = Text("closing", "結びの文", input.Closing, MaxText);
        var bring = Text("bring", "持ち物", input.Bring, MaxLine);
        var contact = Text("contact", "担当者・連絡先", input.Contact, MaxLine);
        var replyNote = Text("replyNote", "回答票の注記", input.ReplyNote, MaxLine);
        var days = input.ReplyDaysBefore ?? NoticeTemplate.Default.ReplyDaysBefore;
        if (days is < 0 or > 60)
            refusal.Add(
                "replyDaysBefore",
                "notices.invalid_reply_days",
                "回答期限は開催日の0〜60日前で指定してください。"
            );
        return refusal.Any
            ? (null, refusal)
            : (new NoticeTemplate(prefix, opening, closing, bring, contact, days, replyNote), refusal);
    }

    /// <summary>
    /// A reply as kept: an answer, a head count that fits it (at least one when attending, none otherwise), short
    /// names and note, a known channel and a day it arrived (today when left out).
    /// </summary>
    public static (MeetingReply? Value, ValidationErrors Refusal) CheckReply(
        string organisationId,
        ReplyInput input,
        string recordedBy,
        DateOnly today,
        string? forcedVia = null
    )
    {
        var refusal = new ValidationErrors();
        var answer = input.Answer?.Trim() ?? "";
        if (!ReplyAnswers.All.Contains(answer))
            refusal.Add("answer", "reply.invalid_answer", "出欠は「出席」「欠席」「未定」から選んでください。");
        var count = input.HeadCount ?? (answer == ReplyAnswers.Attending ? 1 : 0);
        if (count is < 0 or > MaxHeadCount)
            refusal.Add("headCount", "reply.invalid_count", $"人数は0〜{MaxHeadCount}名で入力してください。");
        else if (answer == ReplyAnswers.Attending && count == 0)
            refusal.Add("headCount", "reply.invalid_count", "出席の場合は人数を1名以上で入力してください。");
        else if (answer is ReplyAnswers.Absent && count > 0)
            refusal.Add("headCount", "reply.invalid_count", "欠席の場合は人数を0名にしてください。");
        string? Line(string field, string label, string? text)
        {
            var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            if (value?.Length > MaxLine)
                refusal.Add(field, "reply.text_too_long", $"{label}は{MaxLine}文字以内で入力してください。");
            refusal.RefuseInvisible(field, label, value);
            return value;
        }

        var names = Line("names", "出席者名", input.Names);
        var note = Line("note", "備考", input.Note);
        var via = forcedVia ?? (string.IsNullOrWhiteSpace(input.ReceivedVia) ? "phone" : input.ReceivedVia.Trim());
        if (!ReplyChannels.All.Contains(via))
            refusal.Add(
                "receivedVia",
                "reply.invalid_via",
                "受付方法は FAX・電話・メール・回答ページ・窓口 から選んでください。"
            );
        var received = forcedVia is null
            ? JapaneseDate.Optional(input.ReceivedAt, refusal, "receivedAt", "reply.invalid_date", "受付日")
            : null;
        if (received > today)
            refusal.Add("receivedAt", "reply.invalid_date", "受付日に未来の日付は入力できません。");
        if (refusal.Any)
            return (null, refusal);
        return (
            new MeetingReply(
                organisationId,
                answer,
                answer == ReplyAnswers.Absent ? 0 : count,
                names,
                note,
                via,
                Clock.Iso(received ?? today),
                recordedBy,
                Clock.Now()
            ),
            refusal
        );
    }
}
