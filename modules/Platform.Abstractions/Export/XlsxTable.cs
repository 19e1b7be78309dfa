using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Platform.Abstractions.Export;

/// <summary>
/// A list as an Excel workbook (.xlsx) of one sheet: a bold header row, then one row per item. A cell is a string, a
/// number (int, long, decimal, double) or a <see cref="DateOnly"/>; null is an empty cell.
/// <para>
/// Dates are written as real Excel dates shown in 和暦 with the weekday (令和7年4月1日(火)) by Excel's own gannen format,
/// as the minutes' workbook does: they sort and filter as dates and can be counted by month, which text could not;
/// a reader without the format sees an ordinary date. Write a column as text (<c>Wareki.Format</c>) where a date is
/// only read, never sorted.
/// </para>
/// <para>
/// Written by hand (five small XML parts in a zip) so that the SDK stays free of a spreadsheet library that every
/// module and vendor would carry; strings are inline, so no shared-string table is needed.
/// </para>
/// </summary>
public static class XlsxTable
{
    /// <summary>The content type of an .xlsx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The number format of dates: 和暦 with the weekday.</summary>
    public const string DateFormat = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"(aaa)";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The workbook's bytes.</summary>
    /// <param name="sheetName">The sheet's name (cut to Excel's 31 characters, without <c>[]:*?/\</c>).</param>
    /// <param name="header">The column headings.</param>
    /// <param name="rows">The rows, each as many cells as the header (or fewer).</param>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "xl/workbook.xml", Workbook(SheetName(sheetName)));
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/styles.xml", Styles);
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
            using var output = entry.Open();
            WriteSheet(output, header, rows);
        }
        return stream.ToArray();
    }

    /// <summary>The column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static void WriteSheet(
        Stream output,
        IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<object?>> rows
    )
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", Main);
        // The header stays in view while scrolling.
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        WriteRow(xml, 1, header.Cast<object?>().ToList(), headerRow: true);
        var index = 2;
        foreach (var row in rows)
            WriteRow(xml, index++, row, headerRow: false);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteRow(XmlWriter xml, int index, IReadOnlyList<object?> cells, bool headerRow)
    {
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", index.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is null)
                continue;
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", Column(i) + index.ToString(CultureInfo.InvariantCulture));
            switch (cells[i])
            {
                case DateOnly date:
                    xml.WriteAttributeString("s", "1");
                    Value(xml, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                    break;
                case int or long or decimal or double or float or short:
                    Value(xml, Convert.ToString(cells[i], CultureInfo.InvariantCulture)!);
                    break;
                default:
                    xml.WriteAttributeString("t", "inlineStr");
                    if (headerRow)
                        xml.WriteAttributeString("s", "2");
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Printable(Convert.ToString(cells[i], CultureInfo.InvariantCulture) ?? ""));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string value)
    {
        xml.WriteStartElement("v", Main);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot hold most control characters (nor a lone surrogate): each becomes U+FFFD, as a
    /// writer that threw would answer 500 for one stray character in a name.</summary>
    internal static string Printable(string text)
    {
        if (
            text.All(c =>
                c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF')
            )
        )
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            builder.Append(
                c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF')
                    ? c
                    : '\uFFFD'
            );
        }
        return builder.ToString();
    }

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim('\'');
        clean = clean.Length == 0 ? "Sheet1" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static void Part(ZipArchive zip, string path, string content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string Workbook(string sheetName) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string RootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    // Style 0: plain; 1: a date in 和暦 (number format 164); 2: the bold header.
    private static readonly string Styles = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{Main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="{System.Security.SecurityElement.Escape(
            DateFormat
        )}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="游ゴシック"/></font><font><b/><sz val="11"/><name val="游ゴシック"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;
}
