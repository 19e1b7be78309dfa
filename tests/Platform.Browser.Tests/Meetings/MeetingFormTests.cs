using Microsoft.Playwright;

namespace Platform.Browser.Tests.Meetings;

public class MeetingFormTests : BrowserTest
{
    [Fact]
    public async Task Planning_a_meeting_with_an_impossible_date_is_explained_then_a_corrected_one_is_saved_with_its_attendance()
    {
        var page = await NewPageAsync(new() { Locale = "ja-JP" });
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/");
        await page.GetByRole(AriaRole.Link, new() { Name = "会議", Exact = true }).ClickAsync();
        var form = page.GetByTestId("new-meeting");
        await form.Locator("#bodyId").SelectOptionAsync("aomori-ono-support");
        await form.Locator("#kind").SelectOptionAsync("steering-committee");
        await form.Locator("#title").FillAsync("大野地区 幹事会");
        await form.Locator("#date").FillAsync("2019-02-30");
        await form.Locator("[name=slot1Start]").FillAsync("１５：００");
        await form.Locator("[name=slot1End]").FillAsync("16:05");
        await form.GetByRole(AriaRole.Button, new() { Name = "予定を登録する" }).ClickAsync();

        await Assertions
            .Expect(form.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("開催日「2019-02-30」は正しい日付ではありません。");
        await Assertions.Expect(form.Locator("#title")).ToHaveValueAsync("大野地区 幹事会");

        await form.Locator("#date").FillAsync("平成31年2月28日");
        await form.GetByRole(AriaRole.Button, new() { Name = "予定を登録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("大野地区 幹事会");
        await Assertions.Expect(page.Locator("#recorder")).ToContainTextAsync("平成３１年２月２８日（木）");

        await page.GetByText("出席・公開・次回予定").ClickAsync();
        var attendance = page.GetByTestId("attendance-form");
        await attendance.Locator("#counts").FillAsync("大野地区社協(５)，町会(8)");
        await attendance.Locator("#statedTotal").FillAsync("14");
        await attendance.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("p.error").First)
            .ToContainTextAsync("記載の合計（14名）と内訳の合計（13名）が一致しません");

        await page.GetByText("参集範囲（今回の追加・除外）").ClickAsync();
        var convening = page.GetByTestId("convening-form");
        await convening.Locator("[name=organisationId]").SelectOptionAsync("aomori-shinjo-koban");
        await convening.Locator("[name=reason]").FillAsync("防犯の情報共有のため");
        await convening.GetByRole(AriaRole.Button, new() { Name = "参集範囲を変更する" }).ClickAsync();
        await page.GetByText("参集範囲（今回の追加・除外）").ClickAsync();
        await Assertions
            .Expect(page.Locator("details", new() { HasText = "参集範囲（今回の追加・除外）" }))
            .ToContainTextAsync("新城地区の交番（追加：防犯の情報共有のため）");

        await page.GetByTestId("template-form").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("themes").Locator("li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("themes")).ToContainTextAsync("担い手不足による町会活動の維持");
    }
}
