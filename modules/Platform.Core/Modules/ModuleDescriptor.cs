using System.Reflection;
using Platform.Abstractions.Modules;

namespace Platform.Core.Modules;

/// <summary>A discovered module: its manifest and where it came from.</summary>
public sealed record ModuleDescriptor(
    string Id,
    string Name,
    string Description,
    string Category,
    string Version,
    IReadOnlyList<string> Dependencies,
    ModuleScope Scope,
    bool AlwaysEnabled,
    Type? StartupType,
    Type? SettingsType,
    Assembly Assembly,
    bool IsPlugin = false
)
{
    public static ModuleDescriptor From(ModuleAttribute manifest, Assembly assembly, bool isPlugin = false) =>
        new(
            manifest.Id,
            manifest.Name.Length > 0 ? manifest.Name : manifest.Id,
            manifest.Description,
            manifest.Category,
            manifest.Version,
            manifest.Dependencies,
            manifest.Scope,
            manifest.AlwaysEnabled,
            manifest.Startup,
            manifest.Settings,
            assembly,
            isPlugin
        );

    /// <summary>
    /// The namespace that the module owns: its startup's. Event handlers are attributed to the module owning the
    /// longest namespace prefix of theirs, so one assembly may hold several modules, one folder each.
    /// </summary>
    public string OwnedNamespace => StartupType?.Namespace ?? Assembly.GetName().Name!;
}
