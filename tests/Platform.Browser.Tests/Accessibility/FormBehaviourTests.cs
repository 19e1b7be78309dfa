using Microsoft.Playwright;

namespace Platform.Browser.Tests.Accessibility;

/// <summary>How the forms behave for someone typing on a phone: Enter moves on instead of sending a half-filled form,
/// a date can be picked from a calendar, a refused time is explained beside its box, the skip link leads to the
/// page's content.</summary>
public class FormBehaviourTests : BrowserTest
{
    [Fact]
    public async Task Planning_a_meeting_on_a_phone_with_enter_a_calendar_and_a_time_written_in_japanese()
    {
        var page = await NewPageAsync(
            new()
            {
                Locale = "ja-JP",
                ViewportSize = new() { Width = 390, Height = 844 },
            }
        );
        await page.GotoAsync($"{Platform.BaseUrl}/aomori/meetings");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("本文へ移動");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        var form = page.GetByTestId("new-meeting");
        await form.Locator("#bodyId").SelectOptionAsync("aomori-ono-support");
        await form.Locator("#title").FillAsync("大野地区 定例会議");
        var before = page.Url;
        await form.Locator("#title").PressAsync("Enter");
        await Assertions.Expect(form.Locator("#date")).ToBeFocusedAsync();
        Assert.Equal(before, page.Url);
        await Assertions.Expect(form.Locator(".form-errors")).ToBeHiddenAsync();

        await form.GetByLabel("開催日をカレンダーから選ぶ").FillAsync("2026-05-20");
        await Assertions.Expect(form.Locator("#date")).ToHaveValueAsync("2026-05-20");
        await form.Locator("[name=slot1Start]").FillAsync("13時半ごろ");
        await form.Locator("[name=slot1End]").FillAsync("１５：００");
        await form.GetByRole(AriaRole.Button, new() { Name = "予定を登録する" }).ClickAsync();

        var start = form.Locator("[name=slot1Start]");
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await start.GetAttributeAsync("aria-describedby");
        await Assertions
            .Expect(page.Locator($"#{describedBy}"))
            .ToHaveTextAsync(
                "時間1の開始時刻「13時半ごろ」を時刻として読めません。「13:30」「13時30分」の形で入力してください。"
            );
        await Assertions.Expect(form.Locator("#title")).ToHaveValueAsync("大野地区 定例会議");

        await start.FillAsync("13時");
        await form.GetByRole(AriaRole.Button, new() { Name = "予定を登録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("大野地区 定例会議");
        await Assertions.Expect(page.Locator("#recorder")).ToContainTextAsync("13:00～15:00");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
    }
}
