using System.Reflection;
using System.Runtime.Loader;

namespace Platform.Host.Plugins;

/// <summary>
/// One plugin's assemblies, apart from every other plugin's. Whatever the host itself has — the SDK, ASP.NET Core,
/// Autofac — comes from the host, so that the plugin and the host mean the same types; only what the host lacks is
/// loaded from the plugin's folder.
/// </summary>
public sealed class PluginLoadContext(string mainAssembly)
    : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssembly))
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

    protected override Assembly? Load(AssemblyName name)
    {
        try
        {
            return Default.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }

    protected override IntPtr LoadUnmanagedDll(string name) =>
        _resolver.ResolveUnmanagedDllToPath(name) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
