namespace Platform.Core.Tests.Text;

public class FileNamesTests
{
    [Theory]
    [InlineData("\u202Egnp.exe", "gnp.exe")]
    [InlineData("資料\u200B①.pdf", "資料①.pdf")]
    [InlineData("a\r\nb.txt", "ab.txt")]
    [InlineData("\"quoted\".txt", "_quoted_.txt")]
    [InlineData("C:\\Users\\staff\\議事録.docx", "議事録.docx")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("", "資料")]
    [InlineData("...", "資料")]
    [InlineData("  . ", "資料")]
    [InlineData(null, "資料")]
    [InlineData("report.pdf. ", "report.pdf")]
    [InlineData("\u2066\u2069\uFEFF", "資料")]
    public void Cleans_what_was_sent(string? sent, string kept) => Assert.Equal(kept, FileNames.Clean(sent));

    [Fact]
    public void A_long_name_keeps_its_extension_and_whole_characters()
    {
        var kept = FileNames.Clean(string.Concat(Enumerable.Repeat("𠮷", 150)) + ".xlsx");
        Assert.Equal(FileNames.MaxLength - 1, kept.Length);
        Assert.EndsWith("𠮷.xlsx", kept);
    }
}
