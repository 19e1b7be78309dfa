using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Abstractions.Documents;
using Platform.Abstractions.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Platform.Core.Sdk;

/// <summary>
/// Reads uploaded .txt, .docx and .pdf files as text for the modules' importers (<see cref="IDocumentText"/>), with
/// DocumentFormat.OpenXml and PdfPig, which the core carries and the SDK does not.
/// </summary>
public sealed class SdkDocumentText : IDocumentText
{
    static SdkDocumentText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        // The content decides over the name where it can (a PDF saved as .txt is still a PDF); the name decides for
        // a text, which has no signature.
        if (content.AsSpan().StartsWith("%PDF-"u8))
            return Pdf(content);
        if (extension == ".pdf")
            throw PdfInvalid();
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8) && extension is ".docx" or "")
            return Docx(content);
        if (extension == ".docx")
            throw DocxInvalid();
        if (extension is ".txt" or ".text" or ".csv" or "")
            return Text(content);
        throw new PlatformException(
            400,
            "import.unsupported_type",
            "取り込めない種類のファイルです。",
            "テキスト（.txt）・Word（.docx）・PDF（.pdf）のいずれかを選んでください。"
                + "古いWord（.doc）は、Wordで.docx形式で保存し直してください。"
        );
    }

    /// <summary>UTF-8 (with or without its mark), UTF-16 with its mark, or else Shift_JIS (cp932): a file written by
    /// an older Windows program. Each decoder throws on a byte it cannot read, so a guess never gives mojibake.</summary>
    private static string Text(byte[] content)
    {
        if (
            content.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })
            || content.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })
        )
            return new StreamReader(new MemoryStream(content), Encoding.Unicode, true).ReadToEnd();
        foreach (var encoding in new[] { new UTF8Encoding(false, true), Strict(932) })
            try
            {
                var text = encoding.GetString(content);
                return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
            }
            catch (DecoderFallbackException) { }
        throw new PlatformException(
            400,
            "import.binary",
            "テキストとして読めません。",
            "UTF-8またはShift_JISのテキスト、Word（.docx）、PDF（.pdf）のいずれかを選んでください。"
        );
    }

    private static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>The body's paragraphs and tables in document order; a table row as the interface says.</summary>
    private static string Docx(byte[] content)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw DocxInvalid();
            var lines = new List<string>();
            foreach (var element in body.ChildElements)
                Block(element, lines);
            return string.Join('\n', lines);
        }
        catch (Exception e) when (e is not PlatformException and not OperationCanceledException)
        {
            throw DocxInvalid();
        }
    }

    private static void Block(OpenXmlElement element, List<string> lines)
    {
        switch (element)
        {
            case Paragraph paragraph:
                lines.AddRange(ParagraphText(paragraph).Split('\n'));
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>()
                        .Select(cell =>
                        {
                            var inner = new List<string>();
                            foreach (var child in cell.ChildElements)
                                Block(child, inner);
                            return inner.Where(l => l.Trim().Length > 0).ToList();
                        })
                        .Where(c => c.Count > 0)
                        .ToList();
                    if (cells.All(c => c.Count == 1))
                        lines.Add(string.Join("  ", cells.Select(c => c[0])));
                    else
                        lines.AddRange(cells.SelectMany(c => c));
                }
                break;
            case SdtBlock sdt:
                foreach (var child in sdt.SdtContentBlock?.ChildElements ?? [])
                    Block(child, lines);
                break;
        }
    }

    // Runs' text with tabs and line breaks, which InnerText would drop.
    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
            switch (node)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        return text.ToString();
    }

    /// <summary>
    /// Each page's letters grouped into lines by their baseline, top to bottom, each line left to right, with a space
    /// where a gap is wider than a third of the letters' size: the order in which a single-column 概要 is read, and
    /// the one that text copied from a PDF viewer has, which the importers already read.
    /// </summary>
    private static string Pdf(byte[] content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var lines = new List<string>();
            var letters = 0;
            foreach (var page in pdf.GetPages())
            {
                letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                lines.AddRange(PageLines(page));
            }
            if (letters == 0)
                throw new PlatformException(
                    400,
                    "import.pdf_no_text",
                    "文字を含まないPDFです。",
                    "スキャンした画像だけのPDFのようです。Wordなどから保存したPDFか、元の文書のテキストを取り込んでください。"
                );
            return string.Join('\n', lines);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new PlatformException(
                400,
                "import.pdf_encrypted",
                "パスワードで保護されたPDFです。",
                "保護を解除したPDFか、元の文書（Wordやテキスト）を取り込んでください。"
            );
        }
        catch (Exception e) when (e is not PlatformException and not OperationCanceledException)
        {
            // PdfPig answers a damaged file with one of several exceptions: each is the same refusal here.
            throw PdfInvalid();
        }
    }

    private static IEnumerable<string> PageLines(Page page)
    {
        var lines = new List<(double Baseline, double Size, List<Letter> Letters)>();
        foreach (var letter in page.Letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var size = Math.Max(letter.PointSize, 1);
            // Letters come top to bottom: a letter is on the last line or starts the next.
            if (
                lines.Count == 0
                || Math.Abs(lines[^1].Baseline - letter.StartBaseLine.Y) >= 0.4 * Math.Max(size, lines[^1].Size)
            )
                lines.Add((letter.StartBaseLine.Y, size, [letter]));
            else
                lines[^1].Letters.Add(letter);
        }
        foreach (var (_, _, letters) in lines)
        {
            var text = new StringBuilder();
            Letter? previous = null;
            foreach (var letter in letters.OrderBy(l => l.StartBaseLine.X))
            {
                if (
                    previous is not null
                    && letter.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(letter.PointSize, 1) / 3
                    && text.Length > 0
                    && !char.IsWhiteSpace(text[^1])
                    && !string.IsNullOrWhiteSpace(letter.Value)
                )
                    text.Append(' ');
                text.Append(letter.Value);
                previous = letter;
            }
            yield return text.ToString();
        }
    }

    private static PlatformException PdfInvalid() =>
        new(
            400,
            "import.pdf_invalid",
            "PDFとして読めません。",
            "壊れているか、PDFではないファイルです。元の文書を保存し直してから取り込んでください。"
        );

    private static PlatformException DocxInvalid() =>
        new(
            400,
            "import.docx_invalid",
            "Wordファイル（.docx）として読めません。",
            "壊れているか、.docx形式ではないファイルです。古いWord（.doc）は、Wordで.docx形式で保存し直してください。"
        );
}
