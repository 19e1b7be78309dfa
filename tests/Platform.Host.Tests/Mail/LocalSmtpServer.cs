using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Mail;

/// <summary>
/// A real SMTP server on a loopback port: Debian's aiosmtpd with <c>smtp_capture.py</c>, which writes each accepted
/// message to a file. It can be stopped and started again on the same port, as a municipality's server goes down
/// and comes back.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private Process? _process;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"smtp-{Guid.NewGuid():N}");

    public int Port { get; } = FreePorts.Next();

    public string CaptureFile => Path.Combine(_folder, "received.jsonl");

    /// <summary>The Python that has aiosmtpd (Debian's, which build/test.sh installs), or null.</summary>
    public static readonly string? Python = FindPython();

    private static string? FindPython()
    {
        foreach (var python in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(
                    new ProcessStartInfo(python, ["-c", "import aiosmtpd"])
                    {
                        RedirectStandardError = true,
                        RedirectStandardOutput = true,
                    }
                )!;
                probe.WaitForExit(10_000);
                if (probe.HasExited && probe.ExitCode == 0)
                    return python;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed there: try the next.
            }
        }
        return null;
    }

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        File.Copy(
            Path.Combine(AppContext.BaseDirectory, "Mail", "smtp_capture.py"),
            Path.Combine(_folder, "smtp_capture.py"),
            true
        );
        var start = new ProcessStartInfo(
            Python!,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_capture.Capture", CaptureFile]
        )
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PYTHONPATH"] = _folder;
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd did not listen on {Port}: {await _process.StandardError.ReadToEndAsync()}"
                );
            }
        }
    }

    /// <summary>Stops the server, as a crash would (no goodbye to connected clients).</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<JsonElement> Received()
    {
        if (!File.Exists(CaptureFile))
            return [];
        using var stream = new FileStream(CaptureFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
