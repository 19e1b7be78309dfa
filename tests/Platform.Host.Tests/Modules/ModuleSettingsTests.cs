using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Modules;

public class ModuleSettingsTests : PlatformTest
{
    private const string Url = "/aomori/api/districts/aomori-ono/modules/Aomori.SupportMeetings/settings";

    [Fact]
    public async Task Each_district_keeps_its_own_settings_with_defaults_for_the_rest()
    {
        var ono = await JsonAsync(Url);
        var tsutsui = await JsonAsync("/aomori/api/districts/aomori-tsutsui/modules/Aomori.SupportMeetings/settings");

        Assert.True(ono.GetProperty("requireSteeringCommitteeFirst").GetBoolean());
        Assert.Equal("大野市民センター", ono.GetProperty("venue").GetString());
        Assert.False(tsutsui.GetProperty("requireSteeringCommitteeFirst").GetBoolean());
        Assert.Equal(3, tsutsui.GetProperty("minMeetingsPerFiscalYear").GetInt32());
    }

    [Fact]
    public async Task Valid_values_are_saved_with_full_width_digits_accepted_and_kept_across_a_restart()
    {
        var saved = await Client.PutAsJsonAsync(
            Url,
            new { minMeetingsPerFiscalYear = "２", maxMeetingsPerFiscalYear = 3 }
        );
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await RestartAsync();

        var settings = await JsonAsync(Url);
        Assert.Equal(2, settings.GetProperty("minMeetingsPerFiscalYear").GetInt32());
        Assert.Equal(3, settings.GetProperty("maxMeetingsPerFiscalYear").GetInt32());
        Assert.Equal("大野市民センター", settings.GetProperty("venue").GetString());
    }

    [Fact]
    public async Task Invalid_values_are_refused_field_by_field_and_nothing_is_saved()
    {
        var answer = await Client.PutAsJsonAsync(
            Url,
            new
            {
                minMeetingsPerFiscalYear = "たくさん",
                maxMeetingsPerFiscalYear = 40,
                venue = new string('館', 101),
                colour = "red",
            }
        );

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation.failed", problem.GetProperty("code").GetString());
        Assert.Equal(
            ["colour", "maxMeetingsPerFiscalYear", "minMeetingsPerFiscalYear", "venue"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()
        );
        Assert.Equal(3, (await JsonAsync(Url)).GetProperty("minMeetingsPerFiscalYear").GetInt32());

        var crossed = await Client.PutAsJsonAsync(
            Url,
            new
            {
                minMeetingsPerFiscalYear = 5,
                maxMeetingsPerFiscalYear = 4,
                venue = new string('館', 101),
            }
        );
        var crossedErrors = (await crossed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["maxMeetingsPerFiscalYear", "minMeetingsPerFiscalYear", "venue"],
            crossedErrors.EnumerateObject().Select(p => p.Name).Order()
        );
    }

    [Fact]
    public async Task Malformed_JSON_and_unknown_modules_get_stable_codes()
    {
        var malformed = await Client.PutAsync(
            Url,
            new StringContent("{\"minMeetingsPerFiscalYear\": ", Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("request.malformed_json", await malformed.ProblemCodeAsync());

        var unknown = await Client.GetAsync("/aomori/api/districts/aomori-ono/modules/Nope.Module/settings");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("module.not_found", await unknown.ProblemCodeAsync());
        Assert.Equal(
            "module.no_settings",
            await (
                await Client.GetAsync("/aomori/api/districts/aomori-ono/modules/Platform.Core/settings")
            ).ProblemCodeAsync()
        );
        Assert.Equal(
            "module.not_found",
            await (await Client.PutAsync("/aomori/api/modules/Nope.Module", null)).ProblemCodeAsync()
        );
    }
}
