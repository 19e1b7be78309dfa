using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Platform.Host.Tests.Architecture;

/// <summary>
/// Modules and plugins are written on the SDK alone, as a vendor's would be; the core and the SDK know no module.
/// Checked twice: in the project files (what a module may use) and in the compiled assemblies (what it does use).
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly string Root = RepositoryRoot();

    /// <summary>Our own modules besides the core and the SDK, and every plugin: the projects held to the SDK.</summary>
    private static IEnumerable<string> SdkOnlyProjects() =>
        Directory
            .EnumerateFiles(Path.Combine(Root, "modules"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "plugins"), "*.csproj", SearchOption.AllDirectories))
            .Where(p =>
                !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
            )
            .Where(p => Path.GetFileNameWithoutExtension(p) is not ("Platform.Core" or "Platform.Abstractions"));

    private static readonly string[] Forbidden = ["Platform.Core", "Platform.Host"];

    [Fact]
    public void Modules_and_plugins_reference_only_the_SDK_in_their_projects()
    {
        var projects = SdkOnlyProjects().ToList();
        Assert.Contains(projects, p => p.EndsWith("Aomori.SupportMeetings.csproj"));
        Assert.Contains(projects, p => p.EndsWith("Sample.AnnualReport.csproj"));
        var wrong = projects
            .SelectMany(p =>
                ProjectReferences(p)
                    .Where(r => r != "Platform.Abstractions")
                    .Select(r => $"{Path.GetFileName(p)} → {r}")
            )
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Modules_and_plugins_compiled_reference_neither_the_core_nor_the_host()
    {
        var wrong = SdkOnlyProjects()
            .Select(CompiledAssembly)
            .OfType<string>()
            .SelectMany(dll => Violations(dll, Forbidden).Select(r => $"{Path.GetFileName(dll)} → {r}"))
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_core_and_the_SDK_reference_no_module_and_the_SDK_no_runtime()
    {
        var modules = SdkOnlyProjects().Select(Path.GetFileNameWithoutExtension).OfType<string>().ToArray();
        var core = CompiledAssembly(Path.Combine(Root, "modules", "Platform.Core", "Platform.Core.csproj"))!;
        var sdk = CompiledAssembly(
            Path.Combine(Root, "modules", "Platform.Abstractions", "Platform.Abstractions.csproj")
        )!;
        Assert.Empty(Violations(core, modules));
        // What a vendor gets with the SDK: no host, no Orleans runtime, no database driver.
        Assert.Empty(
            Violations(
                sdk,
                [.. modules, "Platform.Core", "Platform.Host", "Orleans", "Dapper", "Npgsql", "Microsoft.Data"]
            )
        );
    }

    [Fact]
    public void The_check_finds_a_reference_that_breaks_the_rule()
    {
        // The host is allowed the core; held to the modules' rule it must fail, or the checks above prove nothing.
        var host = CompiledAssembly(Path.Combine(Root, "host", "Platform.Host.csproj"))!;
        Assert.Contains("Platform.Core", Violations(host, Forbidden));
        Assert.Contains("Platform.Core", ProjectReferences(Path.Combine(Root, "host", "Platform.Host.csproj")));
    }

    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument
            .Load(project)
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    /// <summary>The assemblies <paramref name="dll"/> references whose names are, or start with, one of <paramref
    /// name="names"/>.</summary>
    private static List<string> Violations(string dll, IReadOnlyCollection<string> names)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader
            .AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .Where(r => names.Any(n => r == n || r.StartsWith(n + ".", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>The project's build output in the tests' configuration; every project is built before the tests
    /// run.</summary>
    private static string? CompiledAssembly(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains(
            $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}"
        )
            ? "Release"
            : "Debug";
        var name = Path.GetFileNameWithoutExtension(project);
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", $"{name}.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test's folder.");
    }
}
