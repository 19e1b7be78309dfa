using System.Text;
using Platform.Core.Calendar;
using Platform.Core.Records;

namespace Platform.Core.Minutes;

/// <summary>
/// The summary's opinions and comments as CSV that Japanese Excel opens by double-click: UTF-8 with a byte order
/// mark and CRLF line ends by default, or Shift_JIS (CP932) for older Excel and other tools.
/// </summary>
public static class MinutesCsv
{
    static MinutesCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static readonly string[] Header = ["会議名", "開催日", "開催日（和暦）", "区分", "議題・テーマ", "番号", "種別", "内容", "発言者", "所属・市町村"];

    public static byte[] Write(Minutes m, bool cp932)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        var date = Clock(m.Meeting.Date);
        var japaneseDate = Wareki.Format(m.Meeting.Date, fullWidth: false);
        foreach (var item in m.Record.Agenda)
            foreach (var (o, _) in m.Thread(item))
                Line(csv, [m.Meeting.Title, date, japaneseDate, "意見", item.Title, o.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Kind.Japanese(), o.Text, o.Speaker ?? "", o.Organisation ?? ""]);
        foreach (var c in m.Record.Comments)
            Line(csv, [m.Meeting.Title, date, japaneseDate, c.Kind == CommentKind.Review ? "全体講評" : "コメント", "", c.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Role ?? "", c.Text, c.Speaker + (c.Position ?? ""), ""]);
        if (!cp932) return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        var shiftJis = Encoding.GetEncoding(932, new EncoderReplacementFallback("？"), DecoderFallback.ReplacementFallback);
        return shiftJis.GetBytes(csv.ToString());
    }

    private static string Clock(DateOnly date) => Storage.Clock.Iso(date);

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        // A cell that starts like a formula would be run by Excel; a leading apostrophe keeps it text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        value = value.Replace("\r\n", "\n").Replace("\n", "\r\n");
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
