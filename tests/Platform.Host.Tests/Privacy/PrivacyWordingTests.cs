using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;

namespace Platform.Host.Tests.Privacy;

/// <summary>What a page says where it hides or refuses something: why, and what gives access.</summary>
public class PrivacyWordingTests() : PlatformTest(DatabaseProvider.Sqlite)
{
    private const string Meeting = "aomori-shinjo-briefing-h30";

    [Fact]
    public async Task A_coordinator_who_typed_a_residents_item_is_told_why_it_is_hidden_and_what_gives_access()
    {
        var coordinator = await Platform.ClientForAsync("aomori-coordinator");
        var before = await coordinator.GetStringAsync($"/aomori/meetings/{Meeting}");
        Assert.DoesNotContain("withheld-notice", before);
        var record = await coordinator.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/record");
        var agendaId = record.GetProperty("record").GetProperty("agenda")[0].GetProperty("id").GetString();
        var typed = await coordinator.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/opinions",
            new
            {
                agendaItemId = agendaId,
                text = "田中さん宅の見守り WORDING-7781",
                sensitivity = "personal",
                basis = new { kind = "ordinance", ordinance = "青森市個人情報保護法施行条例 第5条" },
            }
        );
        Assert.Equal(HttpStatusCode.Created, typed.StatusCode);

        var page = await coordinator.GetStringAsync($"/aomori/meetings/{Meeting}");

        Assert.Contains("［個人情報のため非表示］", page);
        Assert.DoesNotContain("WORDING-7781", page);
        Assert.Contains("data-testid=\"withheld-notice\"", page);
        Assert.Contains("data-reason=\"level\"", page);
        Assert.Contains("入力した本人にも同じく非表示", page);
        Assert.Contains("閲覧できる範囲", page);
        Assert.Contains("守秘の誓約書", page);
    }

    [Fact]
    public async Task The_public_version_offers_approval_only_for_a_public_confirmed_summary_and_says_why_not()
    {
        var coordinator = await Platform.ClientForAsync("aomori-coordinator");
        var page = $"/aomori/meetings/{Meeting}/public-version";

        var notPublic = await coordinator.GetStringAsync(page);
        Assert.DoesNotContain("公開を承認する", notPublic);
        Assert.Contains("「非公開」とされているため、公開の承認はできません", notPublic);

        (
            await coordinator.PatchAsJsonAsync($"/aomori/api/meetings/{Meeting}", new { minutesPublic = true })
        ).EnsureSuccessStatusCode();
        var unconfirmed = await coordinator.GetStringAsync(page);
        Assert.DoesNotContain("公開を承認する", unconfirmed);
        Assert.Contains("まだ確定していないため、公開の承認はできません", unconfirmed);

        (
            await coordinator.PostAsJsonAsync(
                $"/aomori/api/meetings/{Meeting}/status",
                new { status = "minutesApproved" }
            )
        ).EnsureSuccessStatusCode();
        var ready = await coordinator.GetStringAsync(page);
        Assert.Contains("公開を承認する", ready);
        Assert.DoesNotContain("approval-unavailable", ready);
    }

    [Fact]
    public async Task The_rollout_board_does_not_call_a_switched_off_district_rolled_out()
    {
        var board = await Client.GetStringAsync("/aomori/support-meetings/rollout");
        Assert.Contains("導入済み", Row(board, "aomori-ono"));

        (
            await Client.DeleteAsync("/aomori/api/districts/aomori-ono/modules/Aomori.SupportMeetings")
        ).EnsureSuccessStatusCode();
        var row = Row(await Client.GetStringAsync("/aomori/support-meetings/rollout"), "aomori-ono");

        Assert.DoesNotContain("導入済み", row);
        Assert.DoesNotContain("未導入", row);
        Assert.Contains("機能が無効", row);
        // A district that never began and is switched off is still 未導入.
        (
            await Client.DeleteAsync("/aomori/api/districts/aomori-namioka/modules/Aomori.SupportMeetings")
        ).EnsureSuccessStatusCode();
        var namioka = Row(await Client.GetStringAsync("/aomori/support-meetings/rollout"), "aomori-namioka");
        Assert.Contains("未導入", namioka);
        Assert.DoesNotContain("導入済み", namioka);
    }

    [Fact]
    public async Task A_district_page_names_every_feature_switched_on_there()
    {
        var shinjo = await Client.GetStringAsync("/aomori/districts/aomori-shinjo");
        Assert.DoesNotContain("有効な地区別の機能はありません", shinjo);
        Assert.Contains("お宝（地域資源）", shinjo);
        Assert.Contains("地域支え合い会議", shinjo);

        (
            await Client.DeleteAsync("/aomori/api/districts/aomori-shinjo/modules/Aomori.SupportMeetings")
        ).EnsureSuccessStatusCode();
        (
            await Client.DeleteAsync("/aomori/api/districts/aomori-shinjo/modules/Platform.Resources")
        ).EnsureSuccessStatusCode();
        var none = await Client.GetStringAsync("/aomori/districts/aomori-shinjo");
        Assert.Contains("有効な地区別の機能はありません", none);
        Assert.DoesNotContain("お宝（地域資源）", none);
    }

    private static string Row(string html, string districtId)
    {
        var start = html.IndexOf($"data-district=\"{districtId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, districtId);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
