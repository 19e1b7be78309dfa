using System.Text;
using Platform.Core.Records;

namespace Platform.Core.Minutes;

/// <summary>The summary as Markdown, for pasting into newsletters, wikis and mail.</summary>
public static class MinutesMarkdown
{
    public static string Write(Minutes m)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(m.Heading)).AppendLine();
        foreach (var w in m.Meeting.Warnings)
            md.Append("> ⚠ ").AppendLine(Escape(w.Message)).AppendLine();
        md.AppendLine("| 項目 | 内容 |").AppendLine("|---|---|");
        Row(md, "協議体", m.Body.Name + (m.District is null ? "" : $"（{m.District.Name}）"));
        Row(md, "区分・会場", $"{m.Meeting.KindName}　{m.Meeting.Venue} {m.Meeting.Room}".Trim());
        Row(md, "開催日時", m.Meeting.DateJapanese + m.SlotsText());
        Row(
            md,
            "参集範囲",
            string.Join(
                "、",
                m.Meeting.Convened.Select(c =>
                    c.Source == "added" && c.Reason is not null ? $"{c.Name}（追加：{c.Reason}）" : c.Name
                )
            )
        );
        var total = m.Meeting.Attendance.StatedTotal ?? m.Meeting.CountedTotal;
        Row(md, "出席（出席者数）", $"{m.CountsText}　合計 {total}名".Trim());
        md.AppendLine().AppendLine("## 主な意見・内容").AppendLine();
        foreach (var item in m.Record.Agenda)
        {
            md.Append("### テーマ：").AppendLine(Escape(item.Title)).AppendLine();
            foreach (var (o, depth) in m.Thread(item))
                md.Append(
                        depth > 0 ? "    - ⇒ "
                        : o.Kind == OpinionKind.Response ? "- ⇒ "
                        : "- ○ "
                    )
                    .AppendLine(Escape(o.Text));
            md.AppendLine();
        }
        if (m.Record.Carried.Count + m.Record.Actions.Count > 0)
        {
            md.AppendLine("## 対応事項").AppendLine();
            foreach (var a in m.Record.Carried)
                md.Append("- （継続）").AppendLine(Escape(a.Title));
            foreach (var a in m.Record.Actions)
                md.Append("- ").AppendLine(Escape(a.Title));
            md.AppendLine();
        }
        if (m.Meeting.Attendance.Advisors.Count + m.Meeting.Attendance.Members.Count > 0)
        {
            md.AppendLine("## 出席したアドバイザー・会員").AppendLine();
            Names(md, PersonRoleKind.Advisor.Japanese(), m.Meeting.Attendance.Advisors);
            Names(md, Minutes.MemberRole, m.Meeting.Attendance.Members);
            md.AppendLine();
        }
        Comments(md, "アドバイザー等よりコメント", m.AdvisorComments);
        Comments(md, Minutes.MemberCommentsHeading, m.MemberComments);
        Comments(md, "全体講評", m.Reviews);
        md.Append("- 配布資料：")
            .AppendLine(m.Handouts.Count == 0 ? "なし" : string.Join("、", m.Handouts.Select(h => Escape(h.FileName))));
        md.Append("- 公開の可否：会議 ")
            .Append(m.Meeting.IsPublic ? "公開" : "非公開")
            .Append("／概要 ")
            .AppendLine(m.Meeting.MinutesPublic ? "公開" : "非公開");
        md.Append("- 次回開催予定：").AppendLine(m.Meeting.NextMeetingDate is { } n ? Wareki.Format(n) : "未定");
        return md.ToString();
    }

    private static void Comments(StringBuilder md, string heading, IEnumerable<Comment> comments)
    {
        var list = comments.ToList();
        if (list.Count == 0)
            return;
        md.Append("## ").AppendLine(heading).AppendLine();
        foreach (var group in list.GroupBy(c => (c.Speaker, c.Position)))
        {
            // A withheld comment has no speaker: its marker stands without a heading.
            if (group.Key.Speaker is not null)
                md.Append("**＜")
                    .Append(Escape(group.Key.Speaker + group.Key.Position))
                    .AppendLine("＞**")
                    .AppendLine();
            foreach (var c in group)
                md.Append("- ○ ").AppendLine(Escape(c.Text));
            md.AppendLine();
        }
    }

    private static void Names(StringBuilder md, string heading, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
            return;
        md.Append("- ").Append(heading).AppendLine();
        foreach (var name in names)
            md.Append("    - ").AppendLine(Escape(name));
    }

    private static void Row(StringBuilder md, string name, string value) =>
        md.Append("| ").Append(name).Append(" | ").Append(Escape(value)).AppendLine(" |");

    private static string Escape(string text) => MarkdownText.Escape(text);
}
