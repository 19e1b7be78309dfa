using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Modules;

namespace Platform.Core.Modules;

/// <summary>
/// Every module the host knows, in dependency order (a module after all it depends on). Built once at start-up;
/// which modules are enabled where is not kept here but in the tenant and district grains.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, ModuleDescriptor> _byId;

    public ModuleCatalog(IEnumerable<ModuleDescriptor> modules)
    {
        _byId = new Dictionary<string, ModuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules)
            if (!_byId.TryAdd(module.Id, module))
                throw new InvalidOperationException(
                    $"Two modules declare the id '{module.Id}' ({_byId[module.Id].Assembly.GetName().Name}, {module.Assembly.GetName().Name})."
                );
        Modules = Order(_byId);
    }

    /// <summary>In dependency order.</summary>
    public IReadOnlyList<ModuleDescriptor> Modules { get; }

    public ModuleDescriptor? Find(string moduleId) => _byId.GetValueOrDefault(moduleId);

    public ModuleDescriptor Get(string moduleId) =>
        Find(moduleId) ?? throw PlatformException.NotFound("module.not_found", "モジュール");

    /// <summary>Modules that name <paramref name="moduleId"/> among their dependencies.</summary>
    public IEnumerable<ModuleDescriptor> DependentsOf(string moduleId) =>
        Modules.Where(m => m.Dependencies.Contains(moduleId, StringComparer.OrdinalIgnoreCase));

    /// <summary>The module a service implementation belongs to: the one owning the longest prefix of its
    /// namespace.</summary>
    public ModuleDescriptor? OwnerOf(Type implementation)
    {
        var ns = implementation.Namespace ?? "";
        return Modules
            .Where(m =>
                m.Assembly == implementation.Assembly
                && (ns == m.OwnedNamespace || ns.StartsWith(m.OwnedNamespace + ".", StringComparison.Ordinal))
            )
            .MaxBy(m => m.OwnedNamespace.Length);
    }

    /// <summary>
    /// The modules in effect in one place. A module is in effect where it is always enabled or enabled for the
    /// tenant, is not switched off for the district (district-scoped modules only), and everything it depends on is
    /// in effect there. The last rule is derived rather than enforced at write time alone, so that no interleaving
    /// of tenant and district switches can leave a module running without its dependency.
    /// </summary>
    public IReadOnlySet<string> Effective(
        IReadOnlyCollection<string> tenantEnabled,
        IReadOnlyCollection<string>? districtDisabled
    )
    {
        var effective = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in Modules)
        {
            var on = module.AlwaysEnabled || tenantEnabled.Contains(module.Id, StringComparer.OrdinalIgnoreCase);
            if (
                on
                && module.Scope == ModuleScope.District
                && districtDisabled?.Contains(module.Id, StringComparer.OrdinalIgnoreCase) == true
            )
                on = false;
            if (on && module.Dependencies.All(effective.Contains))
                effective.Add(module.Id);
        }
        return effective;
    }

    /// <summary>Finds the modules compiled with the host: the assemblies beside it that reference the SDK.</summary>
    public static IEnumerable<ModuleDescriptor> DiscoverCompiled(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order())
        {
            if (!ReferencesSdk(path))
                continue;
            var assembly = LoadBeside(path);
            foreach (var manifest in assembly.GetCustomAttributes<ModuleAttribute>())
                yield return ModuleDescriptor.From(manifest, assembly);
        }
    }

    // By name when the application's deps.json lists the assembly; by path when it was only copied beside it
    // (a test assembly beside the host, say).
    private static Assembly LoadBeside(string path)
    {
        try
        {
            return Assembly.Load(AssemblyName.GetAssemblyName(path));
        }
        catch (FileNotFoundException)
        {
            return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }

    // Reads the assembly's metadata without loading it, so that start-up does not load every dll of the folder.
    private static bool ReferencesSdk(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
                return false;
            var reader = pe.GetMetadataReader();
            var sdk = typeof(ModuleAttribute).Assembly.GetName().Name;
            if (reader.IsAssembly && reader.GetString(reader.GetAssemblyDefinition().Name) == sdk)
                return true;
            return reader.AssemblyReferences.Any(h => reader.GetString(reader.GetAssemblyReference(h).Name) == sdk);
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static List<ModuleDescriptor> Order(Dictionary<string, ModuleDescriptor> modules)
    {
        var ordered = new List<ModuleDescriptor>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: visiting, true: done
        void Visit(ModuleDescriptor module, string path)
        {
            if (state.TryGetValue(module.Id, out var done))
            {
                if (!done)
                    throw new InvalidOperationException(
                        $"Modules depend on each other in a cycle: {path} → {module.Id}."
                    );
                return;
            }
            state[module.Id] = false;
            foreach (var dependency in module.Dependencies)
            {
                if (!modules.TryGetValue(dependency, out var required))
                    throw new InvalidOperationException(
                        $"Module '{module.Id}' depends on '{dependency}', which the host does not have."
                    );
                Visit(required, $"{path} → {module.Id}");
            }
            state[module.Id] = true;
            ordered.Add(module);
        }
        foreach (var module in modules.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
            Visit(module, "");
        return ordered;
    }
}
