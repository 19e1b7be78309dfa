using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.HostileInput;

/// <summary>Names and titles that would read differently from what they are (bidi overrides, zero-width characters) are
/// refused.</summary>
public class InvisibleCharacterTests : PlatformTest
{
    private const string Api = "/aomori/api";

    [Fact]
    public async Task A_bidi_override_or_zero_width_character_in_a_name_or_title_is_a_field_error_and_nothing_is_stored()
    {
        var before = (await JsonAsync($"{Api}/organisations")).GetArrayLength();
        await Refused(
            $"{Api}/organisations",
            new
            {
                name = "\u202Egnp.exe",
                typeId = "other",
                districtId = "aomori-tsutsui",
            },
            "name"
        );
        await Refused(
            $"{Api}/bodies",
            new
            {
                name = "筒井\u200B地区 会議",
                tier = 2,
                territory = "district",
                districtId = "aomori-tsutsui",
            },
            "name"
        );
        await Refused($"{Api}/people", new { name = "佐藤\u2066花子" }, "name");
        Assert.Equal(before, (await JsonAsync($"{Api}/organisations")).GetArrayLength());

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
        await Refused(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                title = "第1回\uFEFF",
                date = "2019-11-19",
            },
            "title"
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
        await Refused($"{Api}/meetings/{meeting}/agenda", new { title = "移動\u202D支援" }, "title");
        var theme = (
            await (
                await Client.PostAsJsonAsync($"{Api}/meetings/{meeting}/agenda", new { title = "移動支援" })
            ).Content.ReadFromJsonAsync<JsonElement>()
        )
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString();
        await Refused(
            $"{Api}/meetings/{meeting}/opinions",
            new
            {
                agendaItemId = theme,
                text = "意見",
                speaker = "\u202E郎太",
            },
            "speaker"
        );

        // 異体字 written with a variation selector (葛󠄀) is a name, not a trick.
        Assert.Equal(
            "葛\U000E0100城 太郎",
            (
                await (
                    await Client.PostAsJsonAsync($"{Api}/people", new { name = "葛\U000E0100城 太郎" })
                ).Content.ReadFromJsonAsync<JsonElement>()
            )
                .GetProperty("name")
                .GetString()
        );
    }

    private async Task Refused(string url, object body, string field)
    {
        var answer = await Client.PostAsJsonAsync(url, body);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)answer.StatusCode} {problem}");
        Assert.Equal("text.invisible_characters", problem.GetProperty("fieldCodes").GetProperty(field).GetString());
    }

    private async Task<string> Created(string url, object body)
    {
        var answer = await Client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
