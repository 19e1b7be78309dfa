using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Browser.Tests.Resources;

public class ResourcePagesTests : BrowserTest
{
    [Fact]
    public async Task An_opinion_promoted_and_published_is_on_the_public_page_where_drafts_and_private_contacts_are_not()
    {
        var round = (await Platform.Client.GetFromJsonAsync<JsonElement>("/miyagi/api/exchange-rounds"))[0]
            .GetProperty("id")
            .GetString();
        var north = (await Platform.Client.GetFromJsonAsync<JsonElement>($"/miyagi/api/exchange-rounds/{round}"))
            .GetProperty("sessions")[0]
            .GetProperty("meetingId")
            .GetString();

        var staff = await NewPageAsync(new() { Locale = "ja-JP" });
        await staff.GotoAsync($"{Platform.BaseUrl}/miyagi/meetings/{north}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "この会議の意見からお宝を登録する" }).ClickAsync();
        var opinion = staff.Locator("li[data-opinion]", new() { HasText = "元看護師の数人が地域で活動。" });
        await opinion.GetByRole(AriaRole.Button, new() { Name = "お宝として登録" }).ClickAsync();
        await Assertions.Expect(opinion).ToContainTextAsync("→ お宝「元看護師の数人が地域で活動」（発見）");

        await staff.GotoAsync($"{Platform.BaseUrl}/miyagi/resources");
        var row = staff.Locator("tr[data-resource]", new() { HasText = "元看護師の数人が地域で活動" });
        // Publishing asks first.
        staff.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        await Assertions
            .Expect(staff.Locator("tr[data-resource]", new() { HasText = "元看護師の数人が地域で活動" }))
            .ToContainTextAsync("公開中");

        var careManager = await (
            await NewContextAsync(new() { Locale = "ja-JP" }, asAdministrator: false)
        ).NewPageAsync();
        var answer = await careManager.GotoAsync($"{Platform.BaseUrl}/miyagi/public/resources");
        Assert.Equal(200, answer!.Status);
        var page = careManager.GetByTestId("public-resources");
        await Assertions.Expect(page).ToContainTextAsync("元看護師の数人が地域で活動");
        await Assertions.Expect(page).ToContainTextAsync("雪かき専門のボランティア");
        await Assertions.Expect(page).Not.ToContainTextAsync("老人クラブの「便利屋さん」");
        await Assertions.Expect(page).Not.ToContainTextAsync("世話役の方の自宅");
    }
}
