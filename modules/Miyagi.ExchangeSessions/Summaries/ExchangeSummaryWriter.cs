using System.Text;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Documents;
using Platform.Abstractions.Text;

namespace Miyagi.ExchangeSessions.Summaries;

/// <summary>
/// Writes a round's 概要 in the layout of the prefecture's document (a section per session, the same headings in
/// the same order), as plain text or as Markdown. Reading the text back gives the same document.
/// </summary>
public static class ExchangeSummaryWriter
{
    public static string Text(SummaryDocument document)
    {
        var t = new StringBuilder();
        t.AppendLine(document.Title).AppendLine().AppendLine("概要").AppendLine();
        foreach (var s in document.Sessions)
        {
            t.Append(s.RegionLabel).Append(' ').Append(s.Region).Append("  ").AppendLine(s.Venue).AppendLine();
            t.Append("開催日時 ").AppendLine(DateLine(s)).AppendLine();
            t.AppendLine("出席市町村").AppendLine().AppendLine("（出席者数）").AppendLine();
            var rows = s
                .Counts.Chunk(5)
                .Select(row => string.Join("，", row.Select(c => $"{c.Name}({c.Count})")))
                .ToList();
            for (var i = 0; i < rows.Count; i++)
                t.Append(rows[i])
                    .AppendLine(
                        i == rows.Count - 1 && s.StatedTotal is { } total
                            ? $"   合計 {Wareki.FullWidthDigits(total.ToString())}名"
                            : ""
                    );
            t.AppendLine().AppendLine("アドバイザー").AppendLine().AppendLine("（運営委員）").AppendLine();
            foreach (var p in s.Advisors)
                t.AppendLine(Participant(p)).AppendLine();
            if (s.LiaisonMembers.Count > 0)
            {
                t.AppendLine("連絡会議会員").AppendLine();
                foreach (var p in s.LiaisonMembers)
                    t.AppendLine(Participant(p)).AppendLine();
            }
            t.AppendLine("情報交換での").AppendLine().AppendLine("主な意見・内容").AppendLine();
            foreach (var theme in s.Themes)
            {
                t.Append("テーマ：").AppendLine(theme.Title).AppendLine();
                foreach (var o in theme.Opinions)
                    t.AppendLine(o.StartsWith('⇒') ? o : $"○ {o}").AppendLine();
            }
            foreach (var group in s.Comments.GroupBy(c => c.Group))
            {
                t.AppendLine(group.Key).AppendLine().AppendLine("よりコメント").AppendLine();
                foreach (var c in group)
                {
                    if (c.Header != "")
                        t.Append('＜').Append(c.Header).AppendLine("＞").AppendLine();
                    foreach (var text in c.Texts)
                        t.Append("○ ").AppendLine(text).AppendLine();
                }
            }
            if (s.Reviews.Count > 0)
            {
                t.AppendLine("全体講評").AppendLine();
                foreach (var r in s.Reviews)
                {
                    if (r.Header != "")
                        t.AppendLine(r.Header).AppendLine();
                    foreach (var text in r.Texts)
                        t.Append("○ ").AppendLine(text).AppendLine();
                }
            }
        }
        return t.ToString();
    }

    // Imported text is what a prefecture's document said, or what a pasted text claims it said: text, never markup or
    // links.
    private static string E(string text) => MarkdownText.Escape(text);

    public static string Markdown(SummaryDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(E(document.Title)).AppendLine().AppendLine("## 概要").AppendLine();
        foreach (var s in document.Sessions)
        {
            md.Append("### ")
                .Append(E(s.RegionLabel))
                .Append('：')
                .Append(E(s.Region))
                .Append('（')
                .Append(E(s.Venue))
                .AppendLine("）")
                .AppendLine();
            md.Append("- 開催日時：").AppendLine(E(DateLine(s)));
            md.Append("- 出席市町村（出席者数）：")
                .Append(E(string.Join("，", s.Counts.Select(c => $"{c.Name}({c.Count})"))))
                .AppendLine(s.StatedTotal is { } total ? $"　合計 {total}名" : "");
            md.Append("- アドバイザー（運営委員）：").AppendLine(E(string.Join("、", s.Advisors.Select(Participant))));
            if (s.LiaisonMembers.Count > 0)
                md.Append("- 連絡会議会員：").AppendLine(E(string.Join("、", s.LiaisonMembers.Select(Participant))));
            md.AppendLine().AppendLine("#### 情報交換での主な意見・内容").AppendLine();
            foreach (var theme in s.Themes)
            {
                md.Append("**テーマ：").Append(E(theme.Title)).AppendLine("**").AppendLine();
                foreach (var o in theme.Opinions)
                    md.Append("- ").AppendLine(E(o.StartsWith('⇒') ? o : $"○ {o}"));
                md.AppendLine();
            }
            foreach (var group in s.Comments.GroupBy(c => c.Group))
            {
                md.Append("#### ").Append(E(group.Key)).AppendLine("よりコメント").AppendLine();
                foreach (var c in group)
                {
                    if (c.Header != "")
                        md.Append("**＜").Append(E(c.Header)).AppendLine("＞**").AppendLine();
                    foreach (var text in c.Texts)
                        md.Append("- ○ ").AppendLine(E(text));
                    md.AppendLine();
                }
            }
            if (s.Reviews.Count > 0)
            {
                md.AppendLine("#### 全体講評").AppendLine();
                foreach (var r in s.Reviews)
                {
                    if (r.Header != "")
                        md.Append("**").Append(E(r.Header)).AppendLine("**").AppendLine();
                    foreach (var text in r.Texts)
                        md.Append("- ○ ").AppendLine(E(text));
                    md.AppendLine();
                }
            }
        }
        return md.ToString();
    }

    /// <summary>
    /// The 概要 as a Word file in the layout of the HTML page (<c>RoundSummaryPage.razor</c>): a table per session with
    /// the document's headings in its first column, for staff to finish in Word and send as PDF.
    /// </summary>
    public static byte[] Word(string title, IEnumerable<SessionDocument> sessions)
    {
        var doc = new WordDocument(WordFont.Mincho, title).Heading(title).Heading("概要", 2);
        foreach (var s in sessions)
        {
            List<IReadOnlyList<string>> rows =
            [
                [s.RegionLabel, $"{s.Region}　{s.Venue}"],
                ["開催日時", DateLine(s)],
                [
                    "出席市町村\n（出席者数）",
                    string.Join("，", s.Counts.Select(c => $"{c.Name}({c.Count})"))
                        + $"　合計 {Wareki.FullWidthDigits((s.StatedTotal ?? 0).ToString())}名",
                ],
                ["アドバイザー\n（運営委員）", string.Join("\n", s.Advisors.Select(Participant))],
            ];
            if (s.LiaisonMembers.Count > 0)
                rows.Add(["連絡会議会員", string.Join("\n", s.LiaisonMembers.Select(Participant))]);
            rows.Add([
                "情報交換での\n主な意見・内容",
                string.Join(
                    "\n",
                    s.Themes.SelectMany(t =>
                        t.Opinions.Select(o => o.StartsWith('⇒') ? o : $"○ {o}").Prepend($"テーマ：{t.Title}")
                    )
                ),
            ]);
            foreach (var group in s.Comments.GroupBy(c => c.Group))
                rows.Add([
                    $"{group.Key}\nよりコメント",
                    string.Join(
                        "\n",
                        group.SelectMany(c =>
                            (c.Header == "" ? [] : new[] { $"＜{c.Header}＞" }).Concat(c.Texts.Select(t => $"○ {t}"))
                        )
                    ),
                ]);
            if (s.Reviews.Count > 0)
                rows.Add([
                    "全体講評",
                    string.Join(
                        "\n",
                        s.Reviews.SelectMany(r =>
                            (r.Header == "" ? [] : new[] { r.Header }).Concat(r.Texts.Select(t => $"○ {t}"))
                        )
                    ),
                ]);
            doc.Table(rows, headerColumn: true, widths: [1, 4], boldPrefixes: ["テーマ：", "＜"]);
        }
        return doc.ToBytes();
    }

    /// <summary>令和元年１１月１９日（火）１０：００～１２：００，１３：３０～１５：３０, with the weekday as the document gave it.</summary>
    public static string DateLine(SessionDocument s) =>
        Wareki.Format(s.Date, weekday: false)
        + (s.StatedWeekday is null ? "" : $"（{s.StatedWeekday}）")
        + Wareki.FullWidthDigits(string.Join("，", s.Slots.Select(x => $"{x.Start}～{x.End}"))).Replace(':', '：');

    public static string Participant(Participant p) =>
        string.Join(" ", new[] { p.Organisation, p.Title, p.Name }.Where(x => !string.IsNullOrEmpty(x))) + " 氏";
}
