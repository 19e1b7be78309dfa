using System.Reflection;
using System.Security.Cryptography;
using Platform.Abstractions;
using Platform.Abstractions.Modules;
using Platform.Core.Modules;

namespace Platform.Host.Plugins;

/// <summary>
/// Finds plugins in the configured folder (<c>Plugins:Path</c>, one sub-folder each with its <c>plugin.json</c>) and
/// loads those the operator allowed: <c>Plugins:Allowed:&lt;id&gt;</c> holds the SHA-256 of the plugin's main assembly.
/// A plugin that is not allowed, whose assembly changed, that was built for another SDK range, whose manifest does not
/// match its assembly, or that needs a module the host lacks, is refused and recorded with the reason; the host starts
/// regardless.
/// </summary>
public static class PluginLoader
{
    public static IReadOnlyList<ModuleDescriptor> Load(
        IConfiguration configuration,
        IReadOnlyCollection<ModuleDescriptor> compiled,
        PluginRegistry registry
    )
    {
        var folder = configuration["Plugins:Path"] ?? Path.Combine(AppContext.BaseDirectory, "plugins");
        if (!Directory.Exists(folder))
            return [];
        var allowed = configuration
            .GetSection("Plugins:Allowed")
            .GetChildren()
            .ToDictionary(c => c.Key, c => c.Value?.Trim().ToLowerInvariant() ?? "", StringComparer.OrdinalIgnoreCase);
        if (configuration["Plugins:Path"] is null)
            foreach (var (id, hash) in DemoAllowed(folder))
                allowed.TryAdd(id, hash.ToLowerInvariant());
        var candidates = new List<(PluginManifest Manifest, string Folder)>();
        foreach (var dir in Directory.EnumerateDirectories(folder).Order())
        {
            var manifestPath = Path.Combine(dir, "plugin.json");
            if (!File.Exists(manifestPath))
                continue;
            try
            {
                candidates.Add((PluginManifest.Read(manifestPath), dir));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                registry.Add(
                    new PluginStatus(
                        Path.GetFileName(dir),
                        Path.GetFileName(dir),
                        "",
                        "",
                        dir,
                        PluginState.Refused,
                        $"plugin.json を読めません：{e.Message}"
                    )
                );
            }
        }

        var loaded = new List<ModuleDescriptor>();
        var known = compiled
            .Select(m => m.Id)
            .Concat(candidates.Select(c => c.Manifest.Id))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (manifest, dir) in candidates)
        {
            PluginStatus Status(PluginState state, string? reason) =>
                new(manifest.Id, manifest.Name, manifest.Vendor, manifest.Version, dir, state, reason);
            var main = Path.Combine(dir, manifest.Assembly);
            var refusal = Refusal(manifest, main, allowed, known);
            if (refusal is not null)
            {
                registry.Add(Status(PluginState.Refused, refusal));
                continue;
            }
            try
            {
                var assembly = new PluginLoadContext(main).LoadFromAssemblyPath(main);
                var modules = assembly
                    .GetCustomAttributes<ModuleAttribute>()
                    .Select(m => ModuleDescriptor.From(m, assembly, isPlugin: true))
                    .ToList();
                if (
                    modules.Count != 1
                    || !string.Equals(modules[0].Id, manifest.Id, StringComparison.OrdinalIgnoreCase)
                )
                {
                    registry.Add(
                        Status(
                            PluginState.Refused,
                            $"アセンブリのモジュール宣言（{string.Join(", ", modules.Select(m => m.Id))}）が plugin.json の id と一致しません。"
                        )
                    );
                    continue;
                }
                loaded.Add(modules[0]);
                registry.Add(Status(PluginState.Loaded, null));
            }
            catch (Exception e)
            {
                registry.Add(Status(PluginState.Refused, $"読み込めません：{e.GetType().Name}: {e.Message}"));
            }
        }
        // A plugin depending on a refused one cannot run either.
        var available = compiled.Concat(loaded).Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var module in loaded.ToList().Where(m => m.Dependencies.Any(d => !available.Contains(d))))
        {
            loaded.Remove(module);
            registry.Add(
                registry.All.Single(p => p.Id == module.Id) with
                {
                    State = PluginState.Refused,
                    Reason =
                        $"必要なモジュール（{string.Join("、", module.Dependencies.Where(d => !available.Contains(d)))}）が読み込まれていません。",
                }
            );
        }
        return loaded;
    }

    private static string? Refusal(
        PluginManifest manifest,
        string main,
        IReadOnlyDictionary<string, string> allowed,
        IReadOnlySet<string> known
    )
    {
        if (!allowed.TryGetValue(manifest.Id, out var expected))
            return "運用者の許可リスト（Plugins:Allowed）にありません。";
        if (!File.Exists(main))
            return $"アセンブリ {manifest.Assembly} がありません。";
        using (var stream = File.OpenRead(main))
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), expected, StringComparison.Ordinal))
                return "アセンブリのSHA-256が許可リストの値と一致しません（許可の後に変更されています）。";
        if (!manifest.Accepts(PlatformSdk.Version))
            return $"SDK {manifest.Sdk} 向けです。このホストのSDKは {PlatformSdk.Version.ToString(3)} です。";
        var missing = (manifest.Dependencies ?? []).Where(d => !known.Contains(d)).ToList();
        return missing.Count > 0 ? $"必要なモジュール（{string.Join("、", missing)}）がありません。" : null;
    }

    /// <summary>
    /// The sample plugins of the default run: the host's build copies them beside it with the hashes of exactly those
    /// builds (see <c>host/Platform.Host.csproj</c>). Read only from the default folder, so an operator's own plugins
    /// folder is governed by <c>Plugins:Allowed</c> alone; a published host has neither.
    /// </summary>
    private static IReadOnlyDictionary<string, string> DemoAllowed(string folder)
    {
        var file = Path.Combine(folder, "demo-allowed.json");
        return File.Exists(file)
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []
            : new Dictionary<string, string>();
    }
}
