using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Cli;

public class ModulesCommandTests
{
    [Fact]
    public async Task Admins_switch_modules_from_the_command_line_and_the_running_host_sees_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string[] Silo() =>
            [
                .. database.HostArguments,
                .. TestAuth.HostArguments(),
                $"--Silo:SiloPort={FreePorts.Next()}",
                $"--Silo:GatewayPort={FreePorts.Next()}",
            ];

        var off = await HostProcess.RunAsync([
            "modules",
            "disable",
            "Aomori.SupportMeetings",
            "--tenant",
            "aomori",
            "--district",
            "aomori-shinjo",
            .. Silo(),
        ]);
        Assert.True(off.ExitCode == 0, off.Output);
        Assert.Contains("無効にしました", off.Output);

        var list = await HostProcess.RunAsync([
            "modules",
            "list",
            "--tenant",
            "aomori",
            "--district",
            "aomori-shinjo",
            .. Silo(),
        ]);
        Assert.Matches(@"off\s+Aomori\.SupportMeetings", list.Output);
        Assert.Matches(@"on\s+Platform\.Core", list.Output);

        var refused = await HostProcess.RunAsync([
            "modules",
            "disable",
            "Platform.Core",
            "--tenant",
            "aomori",
            .. Silo(),
        ]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("module.always_enabled", refused.Output);
        var unknown = await HostProcess.RunAsync(["modules", "list", "--tenant", "sapporo", .. Silo()]);
        Assert.Contains("tenant.not_found", unknown.Output);
        var usage = await HostProcess.RunAsync(["modules", "enable", "--tenant", "aomori"]);
        Assert.Equal(2, usage.ExitCode);

        await using var host = await HostProcess.StartAsync(Silo());
        Assert.Equal(
            System.Net.HttpStatusCode.NotFound,
            (await host.Client.GetAsync("/aomori/districts/aomori-shinjo/support-meetings")).StatusCode
        );
        Assert.Equal(
            System.Net.HttpStatusCode.OK,
            (await host.Client.GetAsync("/aomori/districts/aomori-ono/support-meetings")).StatusCode
        );
    }
}
