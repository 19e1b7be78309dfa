using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Cli;

/// <summary>A summary produced with no web request at all: the service takes the tenant, the reader and a cancellation
/// token.</summary>
public class MinutesCommandTests
{
    [Fact]
    public async Task The_summary_of_a_held_meeting_is_written_from_the_command_line_as_the_public_or_a_staff_version()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string[] Silo() =>
            [
                .. database.HostArguments,
                .. TestAuth.HostArguments(),
                $"--Silo:SiloPort={FreePorts.Next()}",
                $"--Silo:GatewayPort={FreePorts.Next()}",
            ];

        var staff = await HostProcess.RunAsync([
            "minutes",
            "aomori-shinjo-network-h30",
            "--tenant",
            "aomori",
            "--user",
            "aomori-coordinator",
            .. Silo(),
        ]);
        Assert.True(staff.ExitCode == 0, staff.Output);
        Assert.Contains("# ", staff.Output);
        Assert.Contains("新城", staff.Output);

        var published = await HostProcess.RunAsync([
            "minutes",
            "aomori-shinjo-network-h30",
            "--tenant",
            "aomori",
            .. Silo(),
        ]);
        Assert.True(published.ExitCode == 0, published.Output);
        Assert.Contains("公開版", published.Output);

        var file = Path.Combine(Path.GetTempPath(), $"minutes-{Guid.NewGuid():N}.xlsx");
        var xlsx = await HostProcess.RunAsync([
            "minutes",
            "aomori-shinjo-network-h30",
            "--tenant",
            "aomori",
            "--format",
            "xlsx",
            "--out",
            file,
            .. Silo(),
        ]);
        Assert.True(xlsx.ExitCode == 0, xlsx.Output);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(file))[..2]);
        File.Delete(file);

        var unknown = await HostProcess.RunAsync(["minutes", "no-such-meeting", "--tenant", "aomori", .. Silo()]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("meeting.not_found", unknown.Output);
        Assert.Equal(2, (await HostProcess.RunAsync(["minutes", "--tenant", "aomori"])).ExitCode);
    }
}
