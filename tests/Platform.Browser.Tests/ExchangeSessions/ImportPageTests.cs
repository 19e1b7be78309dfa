using Microsoft.Playwright;
using Platform.Abstractions.Documents;

namespace Platform.Browser.Tests.ExchangeSessions;

public class ImportPageTests : BrowserTest
{
    private const string Document = """
        令和２年度第１回 情報交換会

        概要

        圏域・会場 県南部  大河原合同庁舎

        開催日時 令和２年１０月６日（木）１３：３０～１５：３０

        出席市町村

        （出席者数）

        白石市(5)，角田市(4)   合計 ９名

        アドバイザー

        （運営委員）

        東北学院大学 准教授 渡邊 一郎 氏

        情報交換での

        主な意見・内容

        テーマ：移動支援

        ○ 地区社協の車両を使った送迎を検討している。

        アドバイザー

        よりコメント

        ＜渡辺委員＞

        ○ 小さな成功を積み重ねることが大切。
        """;

    [Fact]
    public async Task A_summary_is_previewed_before_anything_is_saved_then_imported_with_its_warning_shown()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP" });
        await page.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions/import");
        await page.GetByTestId("summary-text").FillAsync(Document);
        await page.GetByTestId("preview").ClickAsync();

        var preview = page.GetByTestId("import-preview");
        await Assertions.Expect(preview).ToContainTextAsync("県南部：2020-10-06");
        await Assertions.Expect(preview).ToContainTextAsync("火曜日ですが、概要には（木）");
        await page.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions");
        await Assertions.Expect(page.GetByTestId("rounds").Locator("li")).ToHaveCountAsync(1);

        await page.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions/import");
        await page.GetByTestId("summary-text").FillAsync(Document);
        await page.GetByTestId("preview").ClickAsync();
        await page.GetByTestId("import").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-1")).ToContainTextAsync("火曜日ですが、概要には（木）");
        await Assertions
            .Expect(page.GetByTestId("theme-comparison"))
            .ToContainTextAsync("地区社協の車両を使った送迎を検討している。");

        await page.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions/import");
        await page.GetByTestId("summary-text").FillAsync(Document);
        await page.GetByTestId("preview").ClickAsync();
        await page.GetByTestId("import").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("この概要は取り込み済みです。");
        await Assertions.Expect(page.Locator("#replace-label")).ToBeVisibleAsync();
    }

    /// <summary>The same 概要 as a Word file: picked, previewed (the upload's progress shown) and imported with
    /// JavaScript; and without it, previewed by a plain form post whose text then imports.</summary>
    [Fact]
    public async Task A_word_file_is_picked_previewed_and_imported_with_and_without_javascript()
    {
        var word = new WordDocument();
        foreach (var line in Document.Split('\n'))
            word.Paragraph(line.Trim());
        var file = new FilePayload
        {
            Name = "概要.docx",
            MimeType = WordDocument.ContentType,
            Buffer = word.ToBytes(),
        };

        var plain = await NewPageAsync(new() { Locale = "ja-JP", JavaScriptEnabled = false });
        await plain.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions/import");
        await plain.GetByTestId("summary-file").SetInputFilesAsync(file);
        await plain.GetByTestId("preview").ClickAsync();
        await Assertions.Expect(plain.GetByTestId("import-preview")).ToContainTextAsync("県南部：2020-10-06");
        await Assertions
            .Expect(plain.GetByTestId("summary-text"))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex("地区社協の車両"));
        await plain.GetByTestId("import").ClickAsync();
        await Assertions.Expect(plain.GetByTestId("session-1")).ToContainTextAsync("火曜日ですが、概要には（木）");

        var page = await NewPageAsync(new() { Locale = "ja-JP" });
        await page.GotoAsync($"{Platform.BaseUrl}/miyagi/exchange-sessions/import");
        await Assertions.Expect(page.GetByTestId("import")).ToBeDisabledAsync();
        await page.GetByTestId("summary-file").SetInputFilesAsync(file);
        await page.GetByTestId("preview").ClickAsync();
        var preview = page.GetByTestId("import-preview");
        await Assertions.Expect(preview).ToContainTextAsync("県南部：2020-10-06");
        await Assertions.Expect(page.GetByTestId("import-duplicate")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-progress")).ToBeHiddenAsync();

        // A PDF without text: its refusal in Japanese, in place.
        await page.GetByTestId("summary-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "scan.pdf",
                    MimeType = "application/pdf",
                    Buffer = Pdf(),
                }
            );
        await page.GetByTestId("preview").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("文字を含まないPDFです");
    }

    private static byte[] Pdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder
            .AddPage(UglyToad.PdfPig.Content.PageSize.A4)
            .DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 200, 100);
        return builder.Build();
    }
}
