using System.IO.Compression;
using System.Text;
using System.Xml;
using Platform.Abstractions.Export;

namespace Platform.Abstractions.Documents;

/// <summary>The typeface family of a <see cref="WordDocument"/>: 明朝 for letters and minutes, ゴシック for forms.</summary>
public enum WordFont
{
    /// <summary>ＭＳ 明朝 (a reader without it sees its substitute, e.g. IPA明朝).</summary>
    Mincho,

    /// <summary>ＭＳ ゴシック (a reader without it sees its substitute, e.g. IPAゴシック).</summary>
    Gothic,
}

/// <summary>How a paragraph is aligned.</summary>
public enum WordAlignment
{
    /// <summary>From the left (両端揃えではない, as 概要 and letters are typed).</summary>
    Left,

    /// <summary>Centred: titles, 「記」.</summary>
    Center,

    /// <summary>To the right: dates, document numbers, the sender.</summary>
    Right,
}

/// <summary>
/// A Word document (.docx) on A4 in a Japanese typeface, written as a list of blocks: headings (levels 1–3, real
/// heading styles, so Word's navigation pane and a table of contents see them), paragraphs, simple tables (a cell's
/// lines are its paragraphs; a first column of headings may be shaded, as the prefecture's 概要 lay their facts out)
/// and page breaks.
/// <code>
/// var bytes = new WordDocument()
///     .Heading("第３回 協議体　概要")
///     .Table([["開催日時", "令和７年４月１日（火）"], ["会場", "市民センター"]], headerColumn: true)
///     .Paragraph("○ 意見")
///     .PageBreak()
///     .ToBytes();
/// </code>
/// <para>
/// Written by hand (a few small XML parts in a zip), as <see cref="XlsxTable"/> is, so that the SDK stays free of an
/// Office library that every module and vendor would carry. Text is text: characters XML cannot hold become U+FFFD,
/// and a line break inside a string starts a new line in the same paragraph.
/// </para>
/// </summary>
public sealed class WordDocument
{
    /// <summary>The content type of a .docx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // A4 in twentieths of a point, with Word's Japanese default margins (35 mm top, 30 mm the other sides).
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1985;
    private const int MarginSide = 1701;
    private const int TextWidth = PageWidth - 2 * MarginSide;

    private readonly List<Action<XmlWriter>> _blocks = [];
    private readonly WordFont _font;
    private readonly string? _title;

    /// <param name="font">The body's typeface; headings use the same.</param>
    /// <param name="title">The document's title in its properties (File → Properties), if any.</param>
    public WordDocument(WordFont font = WordFont.Mincho, string? title = null)
    {
        _font = font;
        _title = title;
    }

    /// <summary>A heading of level 1 (the document's title), 2 (a section) or 3 (a theme).</summary>
    public WordDocument Heading(string text, int level = 1)
    {
        var style = $"Heading{Math.Clamp(level, 1, 3)}";
        _blocks.Add(xml => WriteParagraph(xml, text, style, bold: false, WordAlignment.Left, pageBreakBefore: false));
        return this;
    }

    /// <summary>A paragraph of text.</summary>
    public WordDocument Paragraph(string text, bool bold = false, WordAlignment alignment = WordAlignment.Left)
    {
        _blocks.Add(xml => WriteParagraph(xml, text, null, bold, alignment, pageBreakBefore: false));
        return this;
    }

    /// <summary>
    /// A table with borders across the text's width. Each row is a list of cells; a line break in a cell starts a new
    /// paragraph of the cell.
    /// </summary>
    /// <param name="rows">The rows; rows may have fewer cells than the widest (the rest stay empty).</param>
    /// <param name="headerColumn">Shade the first column and set it in bold (a facts table).</param>
    /// <param name="headerRow">Shade the first row, set it in bold and repeat it on each page (a list).</param>
    /// <param name="widths">The columns' relative widths (e.g. [1, 4]); equal when not given.</param>
    /// <param name="boldPrefixes">A cell's paragraphs starting with one of these are set in bold (e.g. 「テーマ：」).</param>
    public WordDocument Table(
        IReadOnlyList<IReadOnlyList<string>> rows,
        bool headerColumn = false,
        bool headerRow = false,
        IReadOnlyList<int>? widths = null,
        IReadOnlyList<string>? boldPrefixes = null
    )
    {
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (columns == 0)
            return this;
        var weights = Enumerable
            .Range(0, columns)
            .Select(i => widths is not null && i < widths.Count ? Math.Max(1, widths[i]) : 1)
            .ToList();
        var twips = weights.Select(w => TextWidth * w / weights.Sum()).ToList();
        var cells = rows.Select(r => r.Select(c => XlsxTable.Printable(c).Replace("\r\n", "\n").Split('\n')).ToList())
            .ToList();
        _blocks.Add(xml => WriteTable(xml, cells, twips, headerColumn, headerRow, boldPrefixes ?? []));
        return this;
    }

    /// <summary>What follows starts on a new page (one letter per page, the reply form after the notice).</summary>
    public WordDocument PageBreak()
    {
        _blocks.Add(xml =>
        {
            xml.WriteStartElement("w", "p", W);
            xml.WriteStartElement("w", "r", W);
            xml.WriteStartElement("w", "br", W);
            xml.WriteAttributeString("w", "type", W, "page");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        return this;
    }

    /// <summary>The document's bytes.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "word/_rels/document.xml.rels", DocumentRelationships);
            Part(zip, "word/styles.xml", Styles(_font));
            Part(zip, "docProps/core.xml", Core(_title));
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest);
            using var output = entry.Open();
            using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument(true);
            xml.WriteStartElement("w", "document", W);
            xml.WriteStartElement("w", "body", W);
            foreach (var block in _blocks)
                block(xml);
            WriteSection(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteParagraph(
        XmlWriter xml,
        string text,
        string? style,
        bool bold,
        WordAlignment alignment,
        bool pageBreakBefore
    )
    {
        xml.WriteStartElement("w", "p", W);
        if (style is not null || alignment != WordAlignment.Left || pageBreakBefore)
        {
            xml.WriteStartElement("w", "pPr", W);
            if (style is not null)
                Value(xml, "pStyle", style);
            if (pageBreakBefore)
                xml.WriteElementString("w", "pageBreakBefore", W, null);
            if (alignment != WordAlignment.Left)
                Value(xml, "jc", alignment == WordAlignment.Center ? "center" : "right");
            xml.WriteEndElement();
        }
        var lines = XlsxTable.Printable(text).Replace("\r\n", "\n").Split('\n');
        xml.WriteStartElement("w", "r", W);
        if (bold)
        {
            xml.WriteStartElement("w", "rPr", W);
            xml.WriteElementString("w", "b", W, null);
            xml.WriteEndElement();
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                xml.WriteElementString("w", "br", W, null);
            xml.WriteStartElement("w", "t", W);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(lines[i]);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteTable(
        XmlWriter xml,
        List<List<string[]>> rows,
        IReadOnlyList<int> twips,
        bool headerColumn,
        bool headerRow,
        IReadOnlyList<string> boldPrefixes
    )
    {
        xml.WriteStartElement("w", "tbl", W);
        xml.WriteStartElement("w", "tblPr", W);
        Value(xml, "tblStyle", "TableGrid");
        xml.WriteStartElement("w", "tblW", W);
        xml.WriteAttributeString("w", "w", W, twips.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("w", "type", W, "dxa");
        xml.WriteEndElement();
        xml.WriteStartElement("w", "tblLayout", W);
        xml.WriteAttributeString("w", "type", W, "fixed");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("w", "tblGrid", W);
        foreach (var width in twips)
        {
            xml.WriteStartElement("w", "gridCol", W);
            xml.WriteAttributeString("w", "w", W, width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        for (var r = 0; r < rows.Count; r++)
        {
            xml.WriteStartElement("w", "tr", W);
            if (r == 0 && headerRow)
            {
                xml.WriteStartElement("w", "trPr", W);
                xml.WriteElementString("w", "tblHeader", W, null);
                xml.WriteEndElement();
            }
            for (var c = 0; c < twips.Count; c++)
            {
                var heading = (headerColumn && c == 0) || (headerRow && r == 0);
                xml.WriteStartElement("w", "tc", W);
                xml.WriteStartElement("w", "tcPr", W);
                xml.WriteStartElement("w", "tcW", W);
                xml.WriteAttributeString(
                    "w",
                    "w",
                    W,
                    twips[c].ToString(System.Globalization.CultureInfo.InvariantCulture)
                );
                xml.WriteAttributeString("w", "type", W, "dxa");
                xml.WriteEndElement();
                if (heading)
                {
                    xml.WriteStartElement("w", "shd", W);
                    xml.WriteAttributeString("w", "val", W, "clear");
                    xml.WriteAttributeString("w", "color", W, "auto");
                    xml.WriteAttributeString("w", "fill", W, "E7E6E6");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                // A cell must hold at least one paragraph.
                var lines = c < rows[r].Count ? rows[r][c] : [""];
                foreach (var line in lines)
                    WriteParagraph(
                        xml,
                        line,
                        null,
                        heading || boldPrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)),
                        WordAlignment.Left,
                        pageBreakBefore: false
                    );
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        // Two tables in a row would merge into one: a paragraph keeps them apart.
        xml.WriteElementString("w", "p", W, null);
    }

    private static void WriteSection(XmlWriter xml)
    {
        xml.WriteStartElement("w", "sectPr", W);
        xml.WriteStartElement("w", "pgSz", W);
        xml.WriteAttributeString("w", "w", W, PageWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("w", "h", W, PageHeight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("w", "pgMar", W);
        xml.WriteAttributeString("w", "top", W, MarginTop.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString(
            "w",
            "right",
            W,
            MarginSide.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        xml.WriteAttributeString(
            "w",
            "bottom",
            W,
            MarginSide.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        xml.WriteAttributeString(
            "w",
            "left",
            W,
            MarginSide.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        xml.WriteAttributeString("w", "header", W, "851");
        xml.WriteAttributeString("w", "footer", W, "992");
        xml.WriteAttributeString("w", "gutter", W, "0");
        xml.WriteEndElement();
        // Japanese documents are laid on a character grid of 10.5 pt lines.
        xml.WriteStartElement("w", "docGrid", W);
        xml.WriteAttributeString("w", "type", W, "lines");
        xml.WriteAttributeString("w", "linePitch", W, "360");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement("w", element, W);
        xml.WriteAttributeString("w", "val", W, value);
        xml.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string path, string content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string Core(string? title) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{System.Security.SecurityElement.Escape(
            XlsxTable.Printable(title ?? "")
        )}</dc:title></cp:coreProperties>""";

    // The Latin name for Latin text, the Japanese one for the rest; Word maps the East Asian name on systems without
    // it (and LibreOffice substitutes the IPA fonts for the MS names).
    private static string Styles(WordFont font)
    {
        var (eastAsia, latin) = font == WordFont.Mincho ? ("ＭＳ 明朝", "Century") : ("ＭＳ ゴシック", "Arial");
        var fonts = $"""<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{eastAsia}" w:cs="{latin}"/>""";
        string Heading(int level, int halfPoints) =>
            $"""<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="{(
                level == 1 ? 0 : 180
            )}" w:after="60"/><w:outlineLvl w:val="{level - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{halfPoints}"/></w:rPr></w:style>""";
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>{Heading(
            1,
            28
        )}{Heading(2, 24)}{Heading(
            3,
            21
        )}<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="99" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="99" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>""";
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """;

    private const string RootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """;

    private const string DocumentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;
}
