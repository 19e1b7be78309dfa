using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordBody = DocumentFormat.OpenXml.Wordprocessing.Body;

namespace Platform.Core.Notices;

/// <summary>
/// The letters as one Word file (.docx) on A4: per organisation the 開催通知, then on a new page its 出欠回答票. Kept to
/// this file (paragraph helpers at the bottom) so that it can later join the 概要's Word writer.
/// </summary>
public static class NoticeDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "ＭＳ 明朝";

    public static byte[] Write(NoticeSet set)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new WordBody();
            for (var i = 0; i < set.Letters.Count; i++)
            {
                if (i > 0)
                    body.Append(PageBreak());
                Letter(body, set.Letters[i]);
                body.Append(PageBreak());
                ReplyForm(body, set.Letters[i]);
            }
            body.Append(
                new SectionProperties(
                    // A4 in twentieths of a point, with 25 mm margins.
                    new PageSize { Width = 11906U, Height = 16838U },
                    new PageMargin
                    {
                        Top = 1418,
                        Bottom = 1418,
                        Left = 1418U,
                        Right = 1418U,
                    }
                )
            );
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Letter(WordBody body, NoticeLetter letter)
    {
        body.Append(Line(letter.Number, JustificationValues.Right));
        body.Append(Line(letter.IssuedOn, JustificationValues.Right));
        body.Append(Line(""));
        body.Append(Line(letter.Addressee));
        body.Append(Line($"　　{letter.AddresseeHonorific}"));
        body.Append(Line(""));
        body.Append(Line(letter.Sender, JustificationValues.Right));
        if (letter.SenderRepresentative.Length > 0)
            body.Append(Line(letter.SenderRepresentative, JustificationValues.Right));
        body.Append(Line(""));
        body.Append(Line(letter.Subject, JustificationValues.Center, bold: true));
        body.Append(Line(""));
        foreach (var text in new[] { letter.Opening, letter.Body, letter.Closing }.Where(t => t.Length > 0))
            body.Append(Line($"　{text}"));
        body.Append(Line(""));
        body.Append(Line("記", JustificationValues.Center));
        body.Append(Line(""));
        var n = 1;
        foreach (var (label, text) in letter.Items)
        {
            var lines = text.Split('\n');
            body.Append(
                Line($"{Platform.Abstractions.Calendar.Wareki.FullWidthDigits(n++.ToString())}　{label}　{lines[0]}")
            );
            foreach (var more in lines.Skip(1))
                body.Append(Line($"　　　　　　　　{more}"));
        }
        if (letter.ReplyLink is { } link)
        {
            body.Append(Line(""));
            body.Append(Line("インターネットでも回答できます（この団体専用のアドレスです）："));
            body.Append(Line(link));
        }
        body.Append(Line(""));
        body.Append(Line("以上", JustificationValues.Right));
    }

    private static void ReplyForm(WordBody body, NoticeLetter letter)
    {
        body.Append(Line($"{letter.Sender}　行（ＦＡＸ返信用）"));
        body.Append(Line(""));
        body.Append(Line("出欠回答票", JustificationValues.Center, bold: true));
        body.Append(Line(""));
        body.Append(Line($"会議名　{letter.MeetingName}"));
        body.Append(Line($"日　時　{letter.When}"));
        body.Append(Line($"会　場　{letter.Venue}"));
        body.Append(Line(""));
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }
                )
            )
        );
        foreach (
            var (label, value) in new[]
            {
                ("団体名", letter.Addressee),
                ("出　欠", "出席　　・　　欠席　　（どちらかに○をつけてください）"),
                ("出席者名", "\n\n"),
                ("人　数", "　　　　名"),
                ("備　考", "\n"),
            }
        )
            table.Append(new TableRow(Cell(label, 1400), Cell(value, 3600)));
        body.Append(table);
        body.Append(Line(""));
        body.Append(Line($"回答期限　{letter.Deadline}"));
        if (letter.ReplyNote.Length > 0)
            body.Append(Line(letter.ReplyNote));
        if (letter.Contact.Length > 0)
            body.Append(Line($"担当　{letter.Contact}"));
    }

    private static TableCell Cell(string text, int fiftiethsOfPercent)
    {
        var cell = new TableCell(
            new TableCellProperties(
                new TableCellWidth { Width = fiftiethsOfPercent.ToString(), Type = TableWidthUnitValues.Pct }
            )
        );
        foreach (var line in text.Split('\n'))
            cell.Append(Line(line));
        return cell;
    }

    private static Paragraph Line(string text, JustificationValues? align = null, bool bold = false)
    {
        // Children in the schema's order (fonts, bold, size): Word refuses a file that has them otherwise.
        var runProperties = new RunProperties(
            new RunFonts
            {
                EastAsia = Font,
                Ascii = Font,
                HighAnsi = Font,
            }
        );
        if (bold)
            runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = "22" });
        var paragraph = new Paragraph(
            new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve })
        );
        if (align is { } a)
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = a }));
        return paragraph;
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));
}
