using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>
/// Debian's nginx in front of test hosts, with the repository's own <c>deploy/nginx/sasaeai.conf</c>: only the hosts'
/// addresses and the listening port are put in, so the tests run the configuration an operator installs.
/// </summary>
public sealed partial class NginxFront : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxFront(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>nginx's error log: why it gave up on a host.</summary>
    public string ErrorLog =>
        File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public static async Task<NginxFront> StartAsync(IEnumerable<string> hostUrls)
    {
        var nginx = Environment.GetEnvironmentVariable("PLATFORM_TEST_NGINX") ?? "/usr/sbin/nginx";
        if (!File.Exists(nginx))
            throw new InvalidOperationException(
                $"nginx not found at {nginx}: build/test.sh installs it (apt-get install nginx), or set PLATFORM_TEST_NGINX."
            );
        var folder = Directory.CreateTempSubdirectory("sasaeai-nginx-").FullName;
        // Workers run as nobody when the tests run as root (CI): they write their temporary files here.
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            var created = Directory.CreateDirectory(Path.Combine(folder, temp));
            if (!OperatingSystem.IsWindows())
                created.UnixFileMode = (UnixFileMode)0x1FF;
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0x1ED);
        var port = FreePorts.Next();
        var servers = string.Concat(
            hostUrls.Select(u => $"    server {new Uri(u).Authority} max_fails=1 fail_timeout=3s;\n")
        );
        var site = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "nginx", "sasaeai.conf"));
        site = ServerLines().Replace(site, "");
        site = site.Replace("upstream sasaeai_hosts {\n", "upstream sasaeai_hosts {\n" + servers);
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{port};");
        File.WriteAllText(Path.Combine(folder, "sasaeai.conf"), site);
        File.WriteAllText(
            Path.Combine(folder, "nginx.conf"),
            $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/sasaeai.conf;
            }
            """
        );
        var info = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var front = new NginxFront(process, folder, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await probe.GetAsync($"{front.BaseUrl}/healthz");
                return front;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        var output = await process.StandardError.ReadToEndAsync();
        await front.DisposeAsync();
        throw new InvalidOperationException($"nginx did not start: {output}\n{front.ErrorLog}");
    }

    [GeneratedRegex(@"^\s*server \S+:\d+ [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex ServerLines();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the tests.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker's file still open: the folder is in /tmp.
        }
    }
}
