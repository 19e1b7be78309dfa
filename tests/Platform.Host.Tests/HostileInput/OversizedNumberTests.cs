using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Host.Tests.HostileInput;

/// <summary>A JSON number too large for its field is the sender's error, naming the field, and changes
/// nothing.</summary>
public class OversizedNumberTests : PlatformTest
{
    [Fact]
    public async Task A_head_count_beyond_an_int_is_a_field_error_naming_the_count()
    {
        var body = (
            await (
                await Client.PostAsJsonAsync(
                    "/aomori/api/bodies",
                    new
                    {
                        name = "筒井地区 会議",
                        tier = 2,
                        territory = "district",
                        districtId = "aomori-tsutsui",
                    }
                )
            ).Content.ReadFromJsonAsync<JsonElement>()
        ).GetProperty("id").GetString();
        var before = (await JsonAsync("/aomori/api/meetings")).GetArrayLength();
        var json =
            $$$"""{"bodyId":"{{{body}}}","title":"第1回","date":"2019-11-19","attendance":{"counts":[{"name":"気仙沼市","count":99999999999}]}}""";

        var answer = await Client.PostAsync(
            "/aomori/api/meetings",
            new StringContent(json, Encoding.UTF8, "application/json")
        );

        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("request.malformed_json", problem.GetProperty("code").GetString());
        Assert.True(
            problem.GetProperty("errors").TryGetProperty("attendance.counts[0].count", out _),
            problem.ToString()
        );
        Assert.Equal(before, (await JsonAsync("/aomori/api/meetings")).GetArrayLength());
    }
}
