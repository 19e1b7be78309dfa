using Microsoft.Playwright;

namespace Platform.Browser.Tests.Meetings;

/// <summary>
/// The 出欠 table on the meeting page, by keyboard and without JavaScript: a reply typed and saved with Enter shows in
/// the expected attendance; a refused row is explained next to its field and nothing of the table is written.
/// </summary>
public class ReplyTableTests : BrowserTest
{
    [Fact]
    public async Task Staff_record_replies_with_the_keyboard_and_see_the_expected_attendance()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP", JavaScriptEnabled = false });
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings/aomori-shinjo-network-h30");
        var expected = page.GetByTestId("expected-attendance");
        await Assertions.Expect(expected).ToContainTextAsync("出席見込み 0名");
        await Assertions
            .Expect(page.GetByTestId("notices-docx"))
            .ToHaveAttributeAsync("href", "/aomori/api/meetings/aomori-shinjo-network-h30/notices?format=docx");

        // 出欠, Tab, 人数, Tab, 出席者名, Enter: the whole table is saved.
        var answer = page.GetByLabel("新城地区の町会の出欠");
        await answer.FocusAsync();
        await answer.SelectOptionAsync("attending");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("会長、副会長");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("replies-saved")).ToHaveTextAsync("出欠を保存しました。");
        await Assertions.Expect(expected).ToContainTextAsync("出席見込み 2名");
        await Assertions.Expect(page.GetByLabel("新城地区の町会の出席者名")).ToHaveValueAsync("会長、副会長");

        // A count that is not a number: refused next to its field, the other row's change not written either.
        var koban = page.GetByLabel("新城地区の交番の出欠");
        await koban.FocusAsync();
        await koban.SelectOptionAsync("attending");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("たくさん");
        await page.GetByLabel("新城地区の郵便局の出欠").SelectOptionAsync("absent");
        await page.GetByLabel("新城地区の交番の人数").PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("[id='headCount-aomori-shinjo-koban-error']"))
            .ToHaveTextAsync("人数は数字で入力してください。");
        await Assertions.Expect(page.GetByLabel("新城地区の交番の人数")).ToHaveValueAsync("たくさん");
        await Assertions.Expect(expected).ToContainTextAsync("出席見込み 2名");
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings/aomori-shinjo-network-h30");
        await Assertions.Expect(page.GetByLabel("新城地区の郵便局の出欠")).ToHaveValueAsync("");
    }
}
