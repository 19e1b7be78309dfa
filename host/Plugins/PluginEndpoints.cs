using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Http;

namespace Platform.Host.Plugins;

/// <summary>The plugins the host found and what became of each: for operators and for the admin page.</summary>
public static class PluginEndpoints
{
    // The platform administrator's, on the host: the access check refuses everyone else.
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/plugins", ListPlugins)
            .WithTags("Plugins")
            .Describe("listPlugins", "プラグインの一覧と状態", "List the plugins and their state")
            .Refuses(401, "auth.required")
            .Refuses(403, "auth.forbidden");

    public static Ok<IReadOnlyList<PluginStatus>> ListPlugins(PluginRegistry plugins) => TypedResults.Ok(plugins.All);
}

/// <summary>Writes one log line per plugin found at start-up, refused or faulted ones with the reason.</summary>
public sealed partial class PluginStartupLog(PluginRegistry plugins, ILogger<PluginStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var p in plugins.All)
            if (p.State == PluginState.Loaded)
                LogLoaded(p.Id, p.Version, p.Vendor);
            else
                LogNotRunning(p.Id, p.State.ToString(), p.Reason ?? "");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} ({Vendor}) loaded")]
    private partial void LogLoaded(string plugin, string version, string vendor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} not running ({State}): {Reason}")]
    private partial void LogNotRunning(string plugin, string state, string reason);
}
