using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace Platform.Host.Tests.Storage;

/// <summary>One accepted change, one audit row: whether the row went with the change's transaction, the grain's batch
/// or after.</summary>
public class AuditRowTests : PlatformTest
{
    private const string Api = "/aomori/api";

    [Fact]
    public async Task Each_accepted_change_has_exactly_one_audit_row_and_a_refused_one_none()
    {
        var organisation = await Created(
            $"{Api}/organisations",
            new
            {
                name = "筒井地区老人クラブ",
                typeId = "other",
                districtId = "aomori-tsutsui",
            }
        );
        var body = await Created(
            $"{Api}/bodies",
            new
            {
                name = "筒井地区 会議",
                tier = 2,
                territory = "district",
                districtId = "aomori-tsutsui",
            }
        );
        var meeting = await Created(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                title = "第1回",
                date = "2019-11-19",
            }
        );
        var theme = (
            await (
                await Client.PostAsJsonAsync($"{Api}/meetings/{meeting}/agenda", new { title = "移動支援" })
            ).Content.ReadFromJsonAsync<JsonElement>()
        )
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString();
        await Created($"{Api}/meetings/{meeting}/opinions", new { agendaItemId = theme, text = "買い物の足がない。" });
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (
                await Client.PostAsJsonAsync(
                    $"{Api}/meetings/{meeting}/opinions",
                    new { agendaItemId = theme, text = "" }
                )
            ).StatusCode
        );

        Assert.Equal(1, await RowsAsync($"{Api}/organisations"));
        Assert.Equal(1, await RowsAsync($"{Api}/bodies"));
        Assert.Equal(1, await RowsAsync($"{Api}/meetings"));
        Assert.Equal(1, await RowsAsync($"{Api}/meetings/{meeting}/agenda"));
        Assert.Equal(1, await RowsAsync($"{Api}/meetings/{meeting}/opinions"));
        Assert.NotNull(organisation);
    }

    private async Task<string> Created(string url, object body)
    {
        var answer = await Client.PostAsJsonAsync(url, body);
        Assert.True(
            answer.StatusCode == HttpStatusCode.Created,
            $"{url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}"
        );
        var created = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return created.TryGetProperty("id", out var id) ? id.GetString()! : "";
    }

    private async Task<int> RowsAsync(string path)
    {
        await using var connection = await Database.Open().OpenAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE tenant_id = 'aomori' AND action = 'POST' AND path = @path",
            new { path }
        );
    }
}
