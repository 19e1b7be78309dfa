namespace Platform.Abstractions.Documents;

/// <summary>
/// The text of a file that staff uploaded, as lines in reading order: a text file (UTF-8 or Shift_JIS, detected),
/// a Word file (.docx: paragraphs and tables in document order) or a PDF (its text, line by line, top to bottom).
/// A module that imports paper (a 概要, a list) reads it through this and parses the text as if it had been pasted.
/// <para>
/// An interface implemented by the core, not code in the SDK: reading Word and PDF takes an Office and a PDF library,
/// which the SDK leaves out so that every module and vendor does not carry them (see <see cref="WordDocument"/>);
/// the core has them and every module shares the one reader.
/// </para>
/// </summary>
public interface IDocumentText
{
    /// <summary>
    /// The file's text, lines separated by <c>\n</c>. A table row whose cells are one paragraph each is one line,
    /// its cells separated by two spaces (as text copied from a PDF reads: 区分・会場  県北部  …); other rows give their
    /// cells' paragraphs as lines, cell after cell.
    /// </summary>
    /// <param name="fileName">The name as uploaded: its extension (.txt, .docx, .pdf) says the type, checked against
    /// the content.</param>
    /// <param name="content">The file.</param>
    /// <exception cref="Errors.PlatformException">400 with a stable code and a Japanese message:
    /// <c>import.pdf_no_text</c> (a scanned PDF), <c>import.pdf_encrypted</c>, <c>import.pdf_invalid</c>,
    /// <c>import.docx_invalid</c>, <c>import.binary</c> (a text in no encoding read here) or
    /// <c>import.unsupported_type</c>.</exception>
    string Read(string fileName, byte[] content);
}
