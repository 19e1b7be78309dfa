using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autofac;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Modules;
using Platform.Host.Tests.Probes.Base;

namespace Platform.Host.Tests.Meetings;

public class CadenceEventTests : PlatformTest
{
    [Fact]
    public async Task A_held_meeting_changes_the_district_status_at_once_and_modules_hear_of_it()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync("/aomori/api/modules/Probe.Base", null)).StatusCode);
        var recorder = Platform.Services.GetRequiredService<ModuleRuntime>().Container.Resolve<SwitchRecorder>();
        var body = await (
            await Client.PostAsJsonAsync(
                "/aomori/api/bodies",
                new
                {
                    name = "筒井地区 地域支え合い会議",
                    districtId = "aomori-tsutsui",
                    cadence = new
                    {
                        atLeast = 3,
                        atMost = 4,
                        meetEvenWithoutCase = true,
                    },
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var yesterday = DateTime.UtcNow.AddHours(9).AddDays(-1).ToString("yyyy-MM-dd");
        var meeting = await (
            await Client.PostAsJsonAsync(
                "/aomori/api/meetings",
                new { bodyId = body.GetProperty("id").GetString(), date = yesterday }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var before = (await JsonAsync("/aomori/api/districts/aomori-tsutsui/cadence"))
            .GetProperty("status")
            .GetString();

        await Client.PostAsJsonAsync(
            $"/aomori/api/meetings/{meeting.GetProperty("id").GetString()}/status",
            new { status = "held" }
        );

        var after = await JsonAsync("/aomori/api/districts/aomori-tsutsui/cadence");
        Assert.Equal((1, 1), (after.GetProperty("held").GetInt32(), after.GetProperty("daysSinceLastHeld").GetInt32()));
        Assert.Equal("due", after.GetProperty("status").GetString());
        Assert.NotEqual("due", before);
        for (var wait = 0; wait < 50 && recorder.Cadence.IsEmpty; wait++)
            await Task.Delay(100);
        var heard = Assert.Single(recorder.Cadence);
        Assert.Equal(("aomori-tsutsui", "due"), (heard.DistrictId, heard.Status));
    }
}
