using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb in a temporary folder, a free loopback port), which the test may
/// stop and start again, to see what the platform does while its database is gone. It runs as the postgres user when
/// the tests run as root (PostgreSQL refuses root), as build/test.sh does.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly int _port;

    private PostgresCluster(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    /// <summary>A connection string to the cluster's admin database.</summary>
    public string Server => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false;Timeout=3";

    public static async Task<PostgresCluster> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sasaeai-pg-").FullName;
        var cluster = new PostgresCluster(folder, FreePorts.Next());
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres:postgres", folder);
        await cluster.AsOwnerAsync(
            $"{Bin}/initdb",
            "-D",
            cluster.Data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8"
        );
        await cluster.StartAgainAsync();
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    public Task StartAgainAsync() =>
        AsOwnerAsync(
            $"{Bin}/pg_ctl",
            "-D",
            Data,
            "-l",
            Path.Combine(_folder, "log"),
            "-o",
            $"-p {_port} -h 127.0.0.1 -k {_folder} -c fsync=off",
            "-w",
            "start"
        );

    /// <summary>Stops the server at once, as a crash or a pulled cable would: open connections are cut.</summary>
    public Task StopAsync() => AsOwnerAsync($"{Bin}/pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        { /* already stopped */
        }
        Directory.Delete(_folder, recursive: true);
    }

    private Task AsOwnerAsync(string program, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args])
            : RunAsync(program, args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', args)} failed: {await output}{await error}"
            );
    }
}
