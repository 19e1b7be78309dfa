using System.Text.Json;

namespace Platform.Host.Plugins;

/// <summary>
/// A plugin's <c>plugin.json</c>: who made it, its version, the SDK versions it was built for (<c>"&gt;=2.0.0
/// &lt;3.0.0"</c>), its main assembly and the modules it needs.
/// </summary>
public sealed record PluginManifest(
    string Id,
    string Name,
    string Vendor,
    string Version,
    string Sdk,
    string Assembly,
    IReadOnlyList<string>? Dependencies = null
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PluginManifest Read(string path) =>
        JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException("plugin.json is empty.");

    /// <summary>Whether <paramref name="sdk"/> satisfies every comparison of the range (">=2.0.0 &lt;3.0.0"; a bare
    /// version means exactly it).</summary>
    public bool Accepts(Version sdk)
    {
        var conditions = Sdk.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (conditions.Length == 0)
            return false;
        foreach (var condition in conditions)
        {
            var op = new string(condition.TakeWhile(c => c is '<' or '>' or '=').ToArray());
            if (!System.Version.TryParse(condition[op.Length..], out var bound))
                return false;
            var compare = Normalize(sdk).CompareTo(Normalize(bound));
            var ok = op switch
            {
                ">=" => compare >= 0,
                ">" => compare > 0,
                "<=" => compare <= 0,
                "<" => compare < 0,
                "" or "=" => compare == 0,
                _ => false,
            };
            if (!ok)
                return false;
        }
        return true;
    }

    private static Version Normalize(Version v) => new(v.Major, Math.Max(v.Minor, 0), Math.Max(v.Build, 0));
}
