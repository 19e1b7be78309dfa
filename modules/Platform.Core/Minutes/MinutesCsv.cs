using System.Text;
using Platform.Core.Privacy;
using Platform.Core.Records;

namespace Platform.Core.Minutes;

/// <summary>
/// The summary's opinions and comments as CSV that Japanese Excel opens by double-click: UTF-8 with a byte order
/// mark and CRLF line ends by default, or Shift_JIS (CP932) for older Excel and other tools.
/// </summary>
public static class MinutesCsv
{
    static MinutesCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static readonly string[] Header =
    [
        "会議名",
        "開催日",
        "開催日（和暦）",
        "区分",
        "議題・テーマ",
        "番号",
        "種別",
        "内容",
        "発言者",
        "所属・市町村",
        "公開区分",
    ];

    public static byte[] Write(Minutes m, bool cp932)
    {
        var csv = new StringBuilder();
        Csv.Line(csv, Header);
        var date = Clock.Iso(m.Meeting.Date);
        var japaneseDate = DatePrecisions.Format(m.Meeting.Date, m.Meeting.DatePrecision, fullWidth: false);
        foreach (var item in m.Record.Agenda)
        foreach (var (o, _) in m.Thread(item))
            Csv.Line(
                csv,
                [
                    m.Meeting.Title,
                    date,
                    japaneseDate,
                    "意見",
                    item.Title,
                    o.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    o.Kind.Japanese(),
                    o.Text,
                    o.Speaker ?? "",
                    o.Organisation ?? "",
                    o.Sensitivity.Japanese(),
                ]
            );
        foreach (var c in m.CommentsInOrder)
            Csv.Line(
                csv,
                [
                    m.Meeting.Title,
                    date,
                    japaneseDate,
                    c.Kind == CommentKind.Review ? "全体講評" : "コメント",
                    "",
                    c.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    c.Role ?? "",
                    c.Text,
                    c.Speaker + (c.Position ?? ""),
                    "",
                    c.Sensitivity.Japanese(),
                ]
            );
        if (!cp932)
            return Csv.Utf8WithBom(csv);
        var shiftJis = Encoding.GetEncoding(
            932,
            new EncoderReplacementFallback("？"),
            DecoderFallback.ReplacementFallback
        );
        return shiftJis.GetBytes(csv.ToString());
    }
}
