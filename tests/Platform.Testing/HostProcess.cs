using System.Diagnostics;
using System.Text;

namespace Platform.Testing;

/// <summary>The host as a separate process (<c>dotnet Platform.Host.dll …</c>), as an operator runs it.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    /// <summary>The operating system's id of the host process: benchmarks read its memory through it.</summary>
    public int ProcessId => _process.Id;

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static Task<HostProcess> StartAsync(params string[] args) =>
        StartAtAsync($"http://127.0.0.1:{FreePorts.Next()}", args);

    /// <summary>A host listening at <paramref name="url"/>: a restarted host comes back where its proxy expects
    /// it.</summary>
    public static async Task<HostProcess> StartAtAsync(string url, params string[] args)
    {
        var process = Start([.. args, .. TestAuth.HostArguments(), $"--Urls={url}"]);
        var host = new HostProcess(process, url);
        process.OutputDataReceived += (_, e) =>
        {
            lock (host._output)
                host._output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (host._output)
                host._output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await host.Client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    await TestAuth.SignInAsync(host.Client);
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        var output = host.Output;
        await host.DisposeAsync();
        throw new InvalidOperationException($"The host did not become healthy:\n{output}");
    }

    /// <summary>Runs the host's executable to completion (the CLI verbs) and returns its exit code and
    /// output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = HostFolder,
        };
        info.ArgumentList.Add(Path.Combine(HostFolder, "Platform.Host.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info)!;
    }

    /// <summary>
    /// The host's own build output (same configuration as the tests), so that the process loads exactly what an
    /// operator's would, and none of the test assemblies.
    /// </summary>
    private static string HostFolder
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
                root = root.Parent;
            return Path.Combine(
                root?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the tests."),
                "host",
                "bin",
                configuration,
                testBin.Name
            );
        }
    }

    /// <summary>Stops the host as <c>systemctl stop</c> would (SIGTERM) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        _ = Kill(_process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Ends the process as <c>kill -9</c> would: no graceful stop, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (_killed)
            return;
        _killed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private bool _killed;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        _process.Dispose();
    }
}
