using Microsoft.Playwright;

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
}
