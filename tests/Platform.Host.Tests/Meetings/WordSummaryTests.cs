using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Core.Storage;
using Platform.Testing;
using UglyToad.PdfPig;

namespace Platform.Host.Tests.Meetings;

/// <summary>One host for the Word summaries: they only read.</summary>
public sealed class WordSummaryHost : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// The 概要 as Word (<c>format=docx</c>) of a meeting and of a Miyagi round, opened by LibreOffice and printed to PDF
/// (both in one <c>soffice</c> run, as it takes seconds to start): the PDF's text holds every heading, name, opinion
/// and comment of the HTML version, so what staff finish in Word is what the page shows.
/// </summary>
public sealed partial class WordSummaryTests(WordSummaryHost host) : IClassFixture<WordSummaryHost>
{
    private const string Meeting = "aomori-shinjo-briefing-h30";

    [Fact]
    public async Task The_word_summaries_printed_by_libreoffice_say_what_the_html_says()
    {
        var aomori = await host.Platform.ClientForAsync("aomori-coordinator");
        var miyagi = await host.Platform.ClientForAsync("miyagi-admin");
        var round = (await miyagi.GetFromJsonAsync<JsonElement>("/miyagi/api/exchange-rounds"))[0]
            .GetProperty("id")
            .GetString();
        var documents = new (string Name, HttpClient Client, string Url)[]
        {
            ("minutes", aomori, $"/aomori/api/meetings/{Meeting}/minutes"),
            ("round", miyagi, $"/miyagi/api/exchange-rounds/{round}/summary"),
        };
        var folder = Directory.CreateTempSubdirectory("sasaeai-word-").FullName;
        var expected = new Dictionary<string, List<string>>();
        foreach (var (name, client, url) in documents)
        {
            var docx = await client.GetAsync(url + "?format=docx");
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            Assert.Equal(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx.Content.Headers.ContentType?.MediaType
            );
            await File.WriteAllBytesAsync(
                Path.Combine(folder, name + ".docx"),
                await docx.Content.ReadAsByteArrayAsync()
            );
            expected[name] = Texts(await client.GetStringAsync(url + "?format=html"));
        }

        var soffice = Process.Start(
            new ProcessStartInfo(
                "soffice",
                [
                    "--headless",
                    "--norestore",
                    $"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    Path.Combine(folder, "out"),
                    .. documents.Select(d => Path.Combine(folder, d.Name + ".docx")),
                ]
            )
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        await soffice.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        foreach (var (name, _, _) in documents)
        {
            using var pdf = PdfDocument.Open(Path.Combine(folder, "out", name + ".pdf"));
            Assert.Equal(
                595,
                (int)Math.Round(pdf.GetPage(1).Width) // A4 portrait: 210 mm is 595 points
            );
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            Assert.True(expected[name].Count > 10, $"{name}: {expected[name].Count} texts");
            foreach (var item in expected[name])
                Assert.True(
                    text.Contains(Squeeze(item), StringComparison.Ordinal),
                    $"{name}: 「{item}」 not in the PDF"
                );
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The texts of the article's headings, list items and table cells, as a reader sees them.</summary>
    private static List<string> Texts(string html)
    {
        var article = html[
            html.IndexOf("<article", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)
        ];
        // The links to the other formats and the print button are the page's, not the document's.
        article = ScreenOnly().Replace(article, "");
        return Element()
            .Matches(article)
            .Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[2].Value, " ")).Trim())
            .Where(t => t.Length > 0)
            .ToList();
    }

    // PDF text has no line breaks or spaces where the HTML had them, and LibreOffice may set ○ and ⇒ in another font.
    private static string Squeeze(string text) => Space().Replace(text, "");

    [GeneratedRegex(@"<p class=""muted screen-only"">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex ScreenOnly();

    [GeneratedRegex(@"<(h2|h3|li|th|td)\b[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex Element();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
