using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Core.Privacy;
using Platform.Core.Records;

namespace Platform.Core.Minutes;

/// <summary>
/// The summary as an Excel workbook: a 概要 sheet and an 意見 sheet, with dates stored as dates and shown in 和暦
/// (令和元年11月19日（火）) by Excel's own gannen format, so that they still sort and filter as dates.
/// </summary>
public static class MinutesXlsx
{
    private const uint DateStyle = 1;
    private const uint WrapStyle = 2;
    private const uint HeaderStyle = 3;

    public static byte[] Write(Minutes m)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();

            var total = m.Meeting.Attendance.StatedTotal ?? m.Meeting.CountedTotal;
            AddSheet(
                workbook,
                "概要",
                [30, 80],
                [
                    [Text("項目", HeaderStyle), Text("内容", HeaderStyle)],
                    [Text("協議体"), Text(m.Body.Name + (m.District is null ? "" : $"（{m.District.Name}）"))],
                    [Text("会議名"), Text(m.Heading)],
                    [Text("区分"), Text(m.Meeting.KindName)],
                    [Text("開催日"), Date(m.Meeting.Date)],
                    [Text("時間"), Text(m.SlotsText(fullWidth: false))],
                    [Text("会場"), Text($"{m.Meeting.Venue} {m.Meeting.Room}".Trim())],
                    [Text("参集範囲"), Text(string.Join("、", m.Meeting.Convened.Select(c => c.Name)), WrapStyle)],
                    [Text("出席（出席者数）"), Text(m.CountsText, WrapStyle)],
                    [Text("合計"), Number(total)],
                    .. m.Meeting.Warnings.Select(w => (Cell[])[Text("注意"), Text(w.Message, WrapStyle)]),
                    [Text("次回開催予定"), m.Meeting.NextMeetingDate is { } next ? Date(next) : Text("未定")],
                ]
            );

            var rows = new List<Cell[]> { MinutesCsv.Header.Select(h => Text(h, HeaderStyle)).ToArray() };
            foreach (var item in m.Record.Agenda)
            foreach (var (o, _) in m.Thread(item))
                rows.Add([
                    Text(m.Meeting.Title),
                    Date(m.Meeting.Date),
                    Text(DatePrecisions.Format(m.Meeting.Date, m.Meeting.DatePrecision, fullWidth: false)),
                    Text("意見"),
                    Text(item.Title),
                    Number(o.Seq),
                    Text(o.Kind.Japanese()),
                    Text(o.Text, WrapStyle),
                    Text(o.Speaker ?? ""),
                    Text(o.Organisation ?? ""),
                    Text(o.Sensitivity.Japanese()),
                ]);
            foreach (var c in m.CommentsInOrder)
                rows.Add([
                    Text(m.Meeting.Title),
                    Date(m.Meeting.Date),
                    Text(DatePrecisions.Format(m.Meeting.Date, m.Meeting.DatePrecision, fullWidth: false)),
                    Text(c.Kind == CommentKind.Review ? "全体講評" : "コメント"),
                    Text(""),
                    Number(c.Seq),
                    Text(c.Role ?? ""),
                    Text(c.Text, WrapStyle),
                    Text(c.Speaker + (c.Position ?? "")),
                    Text(""),
                    Text(c.Sensitivity.Japanese()),
                ]);
            AddSheet(workbook, "意見", [24, 24, 22, 10, 28, 6, 14, 70, 16, 18, 14], rows);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, string name, double[] widths, IEnumerable<Cell[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 1;
        foreach (var cells in rows)
        {
            var row = new Row { RowIndex = index };
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i].CellReference = $"{(char)('A' + i)}{index}";
                row.Append(cells[i]);
            }
            data.Append(row);
            index++;
        }
        var columns = new Columns(
            widths.Select(
                (w, i) =>
                    new Column
                    {
                        Min = (uint)i + 1,
                        Max = (uint)i + 1,
                        Width = w,
                        CustomWidth = true,
                    }
            )
        );
        part.Worksheet = new Worksheet(columns, data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(
            new Sheet
            {
                Id = workbook.GetIdOfPart(part),
                SheetId = (uint)sheets.ChildElements.Count + 1,
                Name = name,
            }
        );
    }

    private static Cell Text(string text, uint style = 0) =>
        new(
            new InlineString(
                new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }
            )
        )
        {
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell Number(int value) => new(new CellValue(value)) { DataType = CellValues.Number };

    private static Cell Date(DateOnly date) =>
        new(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()))
        {
            DataType = CellValues.Number,
            StyleIndex = DateStyle,
        };

    private static Stylesheet Styles() =>
        new(
            new NumberingFormats(
                new NumberingFormat
                {
                    NumberFormatId = 164,
                    FormatCode = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"（aaa）",
                }
            )
            {
                Count = 1,
            },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "游ゴシック" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "游ゴシック" })
            )
            {
                Count = 2,
            },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })
            )
            {
                Count = 2,
            },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                {
                    ApplyAlignment = true,
                },
                new CellFormat { FontId = 1, ApplyFont = true }
            )
            {
                Count = 4,
            }
        );
}
