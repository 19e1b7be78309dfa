using System.Collections.Concurrent;

namespace Platform.Host.Plugins;

public enum PluginState
{
    Loaded,
    Refused,
    Faulted,
}

/// <summary>A plugin as the admin page lists it: what it is, whether it runs, and if not, why (in Japanese).</summary>
public sealed record PluginStatus(
    string Id,
    string Name,
    string Vendor,
    string Version,
    string Folder,
    PluginState State,
    string? Reason
);

/// <summary>
/// Every plugin found at start-up and what became of it. A plugin that throws — at start-up, in an endpoint, in an
/// event handler — is marked faulted here and stays so until the host restarts; its endpoints answer 503 meanwhile.
/// </summary>
public sealed class PluginRegistry
{
    private readonly ConcurrentDictionary<string, PluginStatus> _plugins = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PluginStatus> All => _plugins.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

    public void Add(PluginStatus status) => _plugins[status.Id] = status;

    public bool IsFaulted(string id, out string? reason)
    {
        reason = _plugins.TryGetValue(id, out var p) && p.State == PluginState.Faulted ? p.Reason : null;
        return reason is not null;
    }

    public void MarkFaulted(string id, string reason) =>
        _plugins.AddOrUpdate(
            id,
            _ => new PluginStatus(id, id, "", "", "", PluginState.Faulted, reason),
            (_, p) => p.State == PluginState.Faulted ? p : p with { State = PluginState.Faulted, Reason = reason }
        );
}
