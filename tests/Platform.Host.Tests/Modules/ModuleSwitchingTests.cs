using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autofac;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Events;
using Platform.Core.Storage;
using Platform.Host.Modules;
using Platform.Host.Tests.Probes.Base;
using Platform.Testing;

namespace Platform.Host.Tests.Modules;

public class ModuleSwitchingTests() : PlatformTest(DatabaseProvider.Sqlite)
{
    private const string Meetings = "Aomori.SupportMeetings";

    [Fact]
    public async Task A_module_switched_off_for_one_district_is_404_there_only_and_stays_off_after_a_restart()
    {
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
        );

        var off = await Client.DeleteAsync($"/aomori/api/districts/aomori-shinjo/modules/{Meetings}");

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var page = await Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("module.disabled", await page.ProblemCodeAsync());
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync("/aomori/districts/aomori-ono/support-meetings")).StatusCode
        );

        await RestartAsync();

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync("/aomori/districts/aomori-ono/support-meetings")).StatusCode
        );
        Assert.False(await EnabledInDistrictAsync("aomori", "aomori-shinjo", Meetings));
        Assert.True(await EnabledInDistrictAsync("aomori", "aomori-ono", Meetings));
        Assert.False(await EnabledInDistrictAsync("miyagi", "miyagi-north", Meetings));
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PutAsync($"/aomori/api/districts/aomori-shinjo/modules/{Meetings}", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
        );
    }

    [Fact]
    public async Task Switching_a_module_off_for_the_tenant_hides_it_in_every_district_and_keeps_district_choices()
    {
        await Client.DeleteAsync($"/aomori/api/districts/aomori-shinjo/modules/{Meetings}");
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/aomori/api/modules/{Meetings}")).StatusCode);

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Client.GetAsync("/aomori/districts/aomori-ono/support-meetings")).StatusCode
        );
        var catalog = await JsonAsync("/aomori/api/modules");
        Assert.False(
            catalog
                .EnumerateArray()
                .Single(m => m.GetProperty("id").GetString() == Meetings)
                .GetProperty("enabled")
                .GetBoolean()
        );

        await Client.PutAsync($"/aomori/api/modules/{Meetings}", null);
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync("/aomori/districts/aomori-ono/support-meetings")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
        );
    }

    [Fact]
    public async Task A_module_cannot_be_enabled_before_its_dependency_nor_its_dependency_disabled_under_it()
    {
        var early = await Client.PutAsync("/aomori/api/modules/Probe.Dependent", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("module.dependency_disabled", problem.GetProperty("code").GetString());
        Assert.Equal("Probe.Base", problem.GetProperty("otherModule").GetString());
        Assert.Contains("Probe.Base", problem.GetProperty("detail").GetString());
        Assert.StartsWith("application/problem+json", early.Content.Headers.ContentType!.ToString());

        await Client.PutAsync("/aomori/api/modules/Probe.Base", null);
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PutAsync("/aomori/api/modules/Probe.Dependent", null)).StatusCode
        );

        var underIt = await Client.DeleteAsync("/aomori/api/modules/Probe.Base");
        Assert.Equal("module.dependent_enabled", await underIt.ProblemCodeAsync());
        var inDistrict = await Client.DeleteAsync("/aomori/api/districts/aomori-ono/modules/Probe.Base");
        Assert.Equal(HttpStatusCode.Conflict, inDistrict.StatusCode);
        Assert.Equal(
            "Probe.Dependent",
            (await inDistrict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("otherModule").GetString()
        );
        Assert.True(await EnabledInDistrictAsync("aomori", "aomori-ono", "Probe.Base"));

        // Off in the district from the top down works, and the dependency cannot come back under a disabled base.
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.DeleteAsync("/aomori/api/districts/aomori-ono/modules/Probe.Dependent")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.DeleteAsync("/aomori/api/districts/aomori-ono/modules/Probe.Base")).StatusCode
        );
        Assert.Equal(
            "module.dependency_disabled",
            await (
                await Client.PutAsync("/aomori/api/districts/aomori-ono/modules/Probe.Dependent", null)
            ).ProblemCodeAsync()
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Client.GetAsync("/aomori/districts/aomori-ono/probe-dependent")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.GetAsync("/aomori/districts/aomori-shinjo/probe-dependent")).StatusCode
        );
    }

    [Fact]
    public async Task Tenant_scoped_modules_are_switched_for_the_tenant_only()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/aomori/probe-tenant")).StatusCode);
        await Client.PutAsync("/aomori/api/modules/Probe.TenantWide", null);
        Assert.Equal("tenant", await Client.GetStringAsync("/aomori/probe-tenant"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/miyagi/probe-tenant")).StatusCode);

        var perDistrict = await Client.DeleteAsync("/aomori/api/districts/aomori-ono/modules/Probe.TenantWide");
        Assert.Equal(HttpStatusCode.BadRequest, perDistrict.StatusCode);
        Assert.Equal("module.not_district_scoped", await perDistrict.ProblemCodeAsync());
        Assert.Equal(
            "module.always_enabled",
            await (await Client.DeleteAsync("/aomori/api/modules/Platform.Core")).ProblemCodeAsync()
        );
    }

    [Fact]
    public async Task Event_handlers_run_only_where_their_module_is_enabled_and_a_failing_one_breaks_nothing()
    {
        var recorder = Platform.Services.GetRequiredService<ModuleRuntime>().Container.Resolve<SwitchRecorder>();
        await Client.PutAsync("/miyagi/api/modules/Probe.TenantWide", null);
        Assert.Empty(recorder.Seen);

        await Client.PutAsync("/miyagi/api/modules/Probe.Base", null);
        await Client.PutAsync("/miyagi/api/modules/Probe.Dependent", null); // its handler throws
        await Client.DeleteAsync("/miyagi/api/districts/miyagi-north/modules/Probe.Dependent");
        await Client.DeleteAsync("/miyagi/api/districts/miyagi-north/modules/Probe.Base");
        await Client.PutAsync("/miyagi/api/districts/miyagi-north/modules/Probe.Base", null);

        var seen = recorder.Seen.ToList();
        Assert.Contains(new ModuleSwitched("miyagi", null, "Probe.Dependent", true), seen);
        Assert.Contains(new ModuleSwitched("miyagi", "miyagi-north", "Probe.Dependent", false), seen);
        // Switched off in miyagi-north, its handler was not called for that district's event...
        Assert.DoesNotContain(new ModuleSwitched("miyagi", "miyagi-north", "Probe.Base", false), seen);
        // ...and was called again once it was back on there.
        Assert.Contains(new ModuleSwitched("miyagi", "miyagi-north", "Probe.Base", true), seen);
        Assert.True(await EnabledInDistrictAsync("miyagi", "miyagi-north", "Probe.Base"));
    }

    [Fact]
    public async Task Concurrent_switches_for_one_district_never_lose_an_update()
    {
        await Client.PutAsync("/aomori/api/modules/Probe.Base", null);
        await Client.PutAsync("/aomori/api/modules/Probe.Dependent", null);
        await Client.PutAsync("/aomori/api/modules/Probe.TenantWide", null);

        // Switch two modules of one district many times at once; each final state is the last request of its module.
        var requests = Enumerable
            .Range(0, 40)
            .Select(i =>
                i % 2 == 0
                    ? Client.DeleteAsync($"/aomori/api/districts/aomori-tsutsui/modules/{Meetings}")
                    : Client.DeleteAsync("/aomori/api/districts/aomori-tsutsui/modules/Probe.Dependent")
            );
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.False(await EnabledInDistrictAsync("aomori", "aomori-tsutsui", Meetings));
        Assert.False(await EnabledInDistrictAsync("aomori", "aomori-tsutsui", "Probe.Dependent"));
        await RestartAsync();
        Assert.False(await EnabledInDistrictAsync("aomori", "aomori-tsutsui", Meetings));
        Assert.False(await EnabledInDistrictAsync("aomori", "aomori-tsutsui", "Probe.Dependent"));
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_registrations_over_the_shared_ones()
    {
        await Client.PutAsync("/aomori/api/modules/Probe.Base", null);
        await Client.PutAsync("/miyagi/api/modules/Probe.Base", null);

        Assert.Equal("青森市専用", await Client.GetStringAsync("/aomori/probe-greeting"));
        Assert.Equal("宮城県専用", await Client.GetStringAsync("/miyagi/probe-greeting"));
    }
}
