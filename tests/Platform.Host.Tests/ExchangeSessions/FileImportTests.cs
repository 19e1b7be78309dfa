using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>One host for the file-import tests: they read, and the one import adds a round nobody else counts.</summary>
public sealed class FileImportHost : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public HttpClient Client { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(_database);
        Client = await Platform.ClientForAsync("miyagi-admin");
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// The 概要 importer given files (<c>multipart/form-data</c> with <c>file</c>): the seed's text, saved by LibreOffice
/// as .docx and as .pdf (the files under Files/, made once with <c>soffice --headless --convert-to docx|pdf</c> from
/// seeds/miyagi-exchange-sessions-2019.txt, so that the test does not wait for LibreOffice), in Shift_JIS, and laid
/// out in tables as the round's own Word file does, each reads as the same document as the text; files that cannot be
/// read are refused with their codes and nothing is saved.
/// </summary>
public sealed class FileImportTests(FileImportHost host) : IClassFixture<FileImportHost>
{
    private const string Import = "/miyagi/api/imports/exchange-summary";

    static FileImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private HttpClient Client => host.Client;

    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ExchangeSessions", "Files", name));

    private Task<HttpResponseMessage> PostFileAsync(string name, byte[] content, string query = "?preview=true")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return Client.PostAsync(Import + query, form);
    }

    private async Task<JsonElement> PreviewAsync(string name, byte[] content)
    {
        var answer = await PostFileAsync(name, content);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{name}: {await answer.Content.ReadAsStringAsync()}");
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What an import keeps of a document: its sessions, counts, participants, opinions, comments, reviews
    /// and the warnings' codes (the title too; the duplicate check is by the text's hash, so it is not compared).</summary>
    private static string Read(JsonElement preview) =>
        preview.GetProperty("document").GetRawText()
        + string.Join(
            ",",
            preview.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString())
        );

    private async Task<int> RoundCountAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/miyagi/api/exchange-rounds")).GetArrayLength();

    [Fact]
    public async Task The_seed_as_docx_pdf_and_shift_jis_text_reads_as_the_same_document_as_its_text()
    {
        var text = await Client.PostAsJsonAsync(Import + "?preview=true", new { text = SeedDocument.Text });
        var expected = Read(await text.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Contains("気仙沼市", expected);

        Assert.Equal(expected, Read(await PreviewAsync("概要.docx", Fixture("miyagi-2019.docx"))));
        Assert.Equal(expected, Read(await PreviewAsync("概要.pdf", Fixture("miyagi-2019.pdf"))));
        Assert.Equal(expected, Read(await PreviewAsync("概要.txt", Encoding.UTF8.GetBytes(SeedDocument.Text))));
        Assert.Equal(
            expected,
            Read(await PreviewAsync("概要.txt", Encoding.GetEncoding(932).GetBytes(SeedDocument.Text)))
        );
    }

    [Fact]
    public async Task A_round_written_as_word_tables_imports_to_the_same_sessions()
    {
        var rounds = await Client.GetFromJsonAsync<JsonElement>("/miyagi/api/exchange-rounds");
        var id = rounds[0].GetProperty("id").GetString();
        var word = await Client.GetAsync($"/miyagi/api/exchange-rounds/{id}/summary?format=docx");
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            word.Content.Headers.ContentType?.MediaType
        );
        var docx = await word.Content.ReadAsByteArrayAsync();
        var text = await Client.PostAsJsonAsync(Import + "?preview=true", new { text = SeedDocument.Text });
        var expected = (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("document");
        var read = (await PreviewAsync("round.docx", docx)).GetProperty("document");
        // The attendance, the advisors and the opinions are each a table row (heading cell, content cell).
        Assert.Equal(expected.GetProperty("sessions").GetRawText(), read.GetProperty("sessions").GetRawText());

        // Imported for real: a new round, found by its title, with the same sessions.
        var before = await RoundCountAsync();
        var created = await PostFileAsync("round.docx", docx, "?replace=false");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await RoundCountAsync());
    }

    [Fact]
    public async Task Files_that_cannot_be_read_are_refused_with_their_codes_and_nothing_is_saved()
    {
        var before = await RoundCountAsync();
        var scanned = new PdfDocumentBuilder();
        scanned.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 300, 200);
        var refusals = new (string Name, byte[] Content, string Code)[]
        {
            ("scan.pdf", scanned.Build(), "import.pdf_no_text"),
            ("protected.pdf", Fixture("protected.pdf"), "import.pdf_encrypted"),
            ("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\nnot really"), "import.pdf_invalid"),
            ("概要.docx", Encoding.UTF8.GetBytes("これはWordのファイルではありません"), "import.docx_invalid"),
            ("概要.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "import.unsupported_type"),
            ("概要.txt", [0x82, 0xA0, 0xFF, 0xFE, 0x80], "import.binary"),
            ("big.txt", new byte[10 * 1024 * 1024 + 1], "import.too_large"),
        };
        foreach (var (name, content, code) in refusals)
        foreach (var query in new[] { "?preview=true", "" })
        {
            var answer = await PostFileAsync(name, content, query);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{name}: {answer.StatusCode}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(code, problem.GetProperty("code").GetString());
            if (code == "import.pdf_no_text")
                Assert.Equal("文字を含まないPDFです。", problem.GetProperty("title").GetString());
        }
        Assert.Equal(before, await RoundCountAsync());

        // The pasted text keeps its own refusal.
        var pasted = await Client.PostAsync(Import, new ByteArrayContent(Fixture("miyagi-2019.pdf")));
        Assert.Equal(
            "import.binary",
            (await pasted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()
        );
    }
}
