using Platform.Abstractions.Documents;
using Platform.Core.Bodies;
using Platform.Core.Records;

namespace Platform.Core.Minutes;

/// <summary>
/// The summary (概要) as a Word file, in the layout of the HTML page (<c>MinutesDocument.razor</c>): the facts table,
/// the themes with their opinions, action items, comments, 全体講評, the closing facts and 訂正. Staff finish it in Word
/// and file or send it as PDF. It is written from the same <see cref="Minutes"/> as the page, so what the reader may
/// not see (withheld opinions, the public version's attendee names) is left out in the same way.
/// </summary>
public static class MinutesDocx
{
    public static byte[] Write(Minutes m)
    {
        var doc = new WordDocument(WordFont.Mincho, m.Heading).Heading(m.Heading);
        if (m.IsPublicVersion)
            doc.Paragraph(
                "公開版：公開区分「公開」の内容だけを載せています。それ以外は［…のため非表示］と示しています。"
            );
        foreach (var warning in m.Meeting.Warnings)
            doc.Paragraph("⚠ " + warning.Message);
        var convened = new List<string> { string.Join("、", m.Meeting.Convened.Select(c => c.Name)) };
        convened.AddRange(
            m.Meeting.Convened.Where(c => c.Source == "added")
                .Select(c => $"追加：{c.Name}{(c.Reason is null ? "" : $"（{c.Reason}）")}")
        );
        convened.AddRange(
            m.Meeting.LeftOut.Select(c => $"今回は除外：{c.Name}{(c.Reason is null ? "" : $"（{c.Reason}）")}")
        );
        var total = m.Meeting.Attendance.StatedTotal ?? (m.Meeting.CountedTotal > 0 ? m.Meeting.CountedTotal : null);
        var attendance = new List<string>
        {
            m.CountsText + (total is { } t ? $"　合計 {Wareki.FullWidthDigits(t.ToString())}名" : ""),
        };
        if (m.Meeting.Attendance.Attendees.Count > 0 && !m.IsPublicVersion)
            attendance.Add("出席者：" + string.Join("、", m.Meeting.Attendance.Attendees));
        if (m.Meeting.Attendance.Absentees.Count > 0 && !m.IsPublicVersion)
            attendance.Add("欠席者：" + string.Join("、", m.Meeting.Attendance.Absentees));
        if (m.Meeting.Attendance.Observers > 0)
            attendance.Add($"傍聴者：{m.Meeting.Attendance.Observers}名");
        List<IReadOnlyList<string>> facts =
        [
            [
                "協議体",
                $"{m.Body.Name}（{BodyNames.TierName(m.Body.Tier)}）{(m.District is null ? "" : $"　{m.District.Name}")}",
            ],
            ["区分・会場", $"{m.Meeting.KindName}　{m.Meeting.Venue} {m.Meeting.Room}".TrimEnd()],
        ];
        facts.AddRange(m.Meeting.ExtraFields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]));
        facts.Add(["開催日時", Wareki.Format(m.Meeting.Date) + m.SlotsText()]);
        facts.Add(["参集範囲", string.Join("\n", convened)]);
        facts.Add(["出席\n（出席者数）", string.Join("\n", attendance)]);
        doc.Table(facts, headerColumn: true, widths: [1, 4]);

        doc.Heading("主な意見・内容", 2);
        foreach (var item in m.Record.Agenda)
        {
            doc.Heading("テーマ：" + item.Title, 3);
            foreach (var (o, depth) in m.Thread(item))
                doc.Paragraph(
                    (
                        depth > 0 ? "　⇒ "
                        : o.Kind == OpinionKind.Response ? "⇒ "
                        : "○ "
                    )
                        + o.Text
                        + Attribution(o)
                );
        }
        if (m.Record.Carried.Count + m.Record.Actions.Count > 0)
        {
            doc.Heading("対応事項", 2);
            foreach (var a in m.Record.Carried)
                doc.Paragraph("・（継続）" + a.Title + Owner(m, a));
            foreach (var a in m.Record.Actions)
                doc.Paragraph("・" + a.Title + Owner(m, a));
        }
        Comments(doc, "アドバイザー等よりコメント", m.Comments, brackets: true);
        Comments(doc, "全体講評", m.Reviews, brackets: false);
        doc.Table(
            [
                ["配布資料", m.Handouts.Count == 0 ? "なし" : string.Join("、", m.Handouts.Select(h => h.FileName))],
                [
                    "公開の可否",
                    $"会議：{(m.Meeting.IsPublic ? "公開" : "非公開")}　概要：{(m.Meeting.MinutesPublic ? "公開" : "非公開")}",
                ],
                ["次回開催予定", m.Meeting.NextMeetingDate is { } next ? Wareki.Format(next) : "未定"],
            ],
            headerColumn: true,
            widths: [1, 4]
        );
        if (m.Reopenings is { Count: > 0 } reopenings)
        {
            // Reasons are staff's words: the public version says only that and when it was corrected.
            doc.Heading("訂正", 2);
            foreach (var r in reopenings)
                doc.Paragraph(
                    "・"
                        + Wareki.Format(r.Day)
                        + (m.IsPublicVersion || r.Reason is null ? "に訂正しました。" : $"：{r.Reason}")
                );
        }
        return doc.ToBytes();
    }

    private static void Comments(WordDocument doc, string heading, IEnumerable<Comment> comments, bool brackets)
    {
        var list = comments.ToList();
        if (list.Count == 0)
            return;
        doc.Heading(heading, 2);
        foreach (var group in list.GroupBy(c => (c.Speaker, c.Position)))
        {
            // A withheld comment has no speaker: its marker stands without a heading.
            if (group.Key.Speaker is not null)
                doc.Paragraph(
                    brackets ? $"＜{group.Key.Speaker}{group.Key.Position}＞" : group.Key.Speaker + group.Key.Position,
                    bold: true
                );
            foreach (var c in group)
                doc.Paragraph("○ " + c.Text);
        }
    }

    private static string Attribution(Opinion o) =>
        o.Speaker is null && o.Organisation is null
            ? ""
            : $"（{string.Join("・", new[] { o.Organisation, o.Speaker }.Where(s => s is not null))}）";

    private static string Owner(Minutes m, ActionItem a) =>
        (a.OwnerOrganisationId is null ? "" : $"［担当：{m.OrganisationName(a.OwnerOrganisationId)}］")
        + (a.DueDate is { } due ? $"（期限：{Wareki.Format(due, weekday: false)}）" : "");
}
