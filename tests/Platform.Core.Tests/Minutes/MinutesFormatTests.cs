using System.Text;
using Platform.Abstractions.Tenancy;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Records;

namespace Platform.Core.Tests.Minutes;

public class MinutesFormatTests
{
    private static Platform.Core.Minutes.Minutes Sample()
    {
        var body = new Body(
            "b",
            "県北部 情報交換会",
            null,
            1,
            Territory.Region,
            "miyagi-north",
            null,
            BodyStatus.Active,
            new CadencePolicy(),
            new Charter(),
            [],
            [],
            []
        );
        var meeting = new Meeting(
            "m",
            "b",
            "exchange-session",
            "情報交換会",
            new DateOnly(2019, 11, 19),
            [new TimeSlot("10:00", "12:00"), new TimeSlot("13:30", "15:30")],
            "ホテルサンシャイン佐沼",
            "鳳凰の間",
            MeetingStatus.Held,
            [],
            new Attendance([new HeadCount("気仙沼市", 19), new HeadCount("登米市", 14)], [], [], 0, 70),
            false,
            false,
            null,
            null,
            null,
            3
        );
        var view = MeetingViews.From(
            meeting,
            body,
            new Dictionary<string, Platform.Abstractions.Organisations.Organisation>(),
            [],
            MeetingKinds.BuiltIn
        );
        var theme = new AgendaItem("a", 1, "庁舎内連携", 1);
        var record = new MeetingRecord(
            [theme],
            [
                new Opinion(
                    "o1",
                    "a",
                    2,
                    OpinionKind.Opinion,
                    "=1層Coと2層Coで, 月1回\n\"情報交換\"",
                    null,
                    "気仙沼市",
                    null,
                    null,
                    ""
                ),
                new Opinion("o2", "a", 3, OpinionKind.Response, "髙橋さんに確認する", null, null, "o1", null, ""),
            ],
            [],
            [],
            []
        );
        return new Platform.Core.Minutes.Minutes(
            new TenantInfo("miyagi", "宮城県", TenantKind.Prefecture, "040002"),
            body,
            null,
            view,
            record,
            new Dictionary<string, Platform.Abstractions.Organisations.Organisation>(),
            []
        );
    }

    [Fact]
    public void Csv_is_utf8_with_bom_and_crlf_quotes_what_it_must_and_defuses_formulas()
    {
        var bytes = MinutesCsv.Write(Sample(), cp932: false);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.StartsWith("会議名,開催日,開催日（和暦）", lines[0]);
        Assert.Contains("\"'=1層Coと2層Coで, 月1回\r\n\"\"情報交換\"\"\"", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }

    [Fact]
    public void Csv_in_cp932_round_trips_through_shift_jis()
    {
        var bytes = MinutesCsv.Write(Sample(), cp932: true);

        var text = Encoding.GetEncoding(932).GetString(bytes);
        Assert.Contains("髙橋さんに確認する", text);
        Assert.Contains("令和元年11月19日（火）", text);
    }

    [Fact]
    public void Markdown_nests_responses_under_what_they_answer_and_flags_a_wrong_total()
    {
        var md = MinutesMarkdown.Write(Sample());

        Assert.Contains("令和元年１１月１９日（火）１０：００～１２：００，１３：３０～１５：３０", md);
        Assert.Contains("    - ⇒ 髙橋さんに確認する", md);
        Assert.Contains("記載の合計（70名）と内訳の合計（33名）が一致しません", md);
    }

    [Fact]
    public void Xlsx_is_a_workbook_with_a_gannen_date_format()
    {
        var bytes = MinutesXlsx.Write(Sample());

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document
            .WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .Select(s => s.Name!.Value)
            .ToList();
        Assert.Equal(["概要", "意見"], sheets);
        Assert.Contains("gannen", document.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.InnerXml);
    }
}
