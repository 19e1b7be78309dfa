using Orleans.Runtime;
using Platform.Abstractions.Errors;

namespace Platform.Host.Cli;

/// <summary>
/// The platform started for one command line verb: its silo on the configured database, no port of use, warnings only.
/// On the embedded default it cannot run beside a running host (both would own the same silo ports): it says so.
/// </summary>
public static class CliHost
{
    /// <summary>The value after <paramref name="name"/>, if given.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The host's configuration arguments (<c>--Database:…</c>): all but the verb, its positional arguments
    /// and its own options.</summary>
    public static string[] HostArguments(string[] args, IReadOnlyCollection<string> verbOptions) =>
        args.Where((_, i) => !IsVerbArgument(args, i, verbOptions))
            .Append("--Urls=http://127.0.0.1:0")
            .Append("--Logging:LogLevel:Default=Warning")
            .ToArray();

    private static bool IsVerbArgument(string[] args, int i, IReadOnlyCollection<string> verbOptions) =>
        i == 0
        || verbOptions.Contains(args[i])
        || verbOptions.Contains(args[i - 1])
        || (
            !args[i].StartsWith("--", StringComparison.Ordinal)
            && !args[i - 1].StartsWith("--", StringComparison.Ordinal)
        );

    /// <summary>The started platform, or null (and the reason on stderr) when another host holds its silo.</summary>
    public static async Task<WebApplication?> StartAsync(string[] hostArguments)
    {
        var app = PlatformApp.Create(hostArguments);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch (Exception e)
            when (e is OrleansException or System.Net.Sockets.SocketException
                || e.InnerException is System.Net.Sockets.SocketException
            )
        {
            Console.Error.WriteLine(
                "プラットフォームが起動中のため、CLIからは実行できません。画面かAPIを使うか、停止してから実行してください。"
            );
            Console.Error.WriteLine($"({e.GetType().Name}: {e.Message})");
            return null;
        }
    }

    /// <summary>
    /// Starts the platform, runs <paramref name="command"/> on its services and stops it. Exit codes: the command's, 1
    /// for a refusal (its Japanese text and code on stderr), 3 when another host holds the silo.
    /// </summary>
    public static async Task<int> RunAsync(string[] hostArguments, Func<IServiceProvider, Task<int>> command)
    {
        var app = await StartAsync(hostArguments);
        if (app is null)
            return 3;
        try
        {
            return await command(app.Services);
        }
        catch (PlatformException e)
        {
            Console.Error.WriteLine($"{e.Title} {e.Detail} [{e.Code}]");
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
