using System.Security.Cryptography;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// A plugins folder as an operator would prepare it: each plugin's build output in a sub-folder, and the host's
/// arguments naming the folder and allowing the chosen plugins by the SHA-256 of their main assembly.
/// </summary>
public sealed class StagedPlugins : IDisposable
{
    private readonly List<string> _allowed = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("sasaeai-plugins-").FullName;

    /// <summary>Copies a plugin project's build output (same configuration as the tests) into the folder.</summary>
    public string Add(string project, bool allow = true)
    {
        var name = Path.GetFileName(project);
        var configuration = AppContext.BaseDirectory.Contains(
            $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}"
        )
            ? "Release"
            : "Debug";
        var output = Path.Combine(RepositoryRoot(), project, "bin", configuration, "net10.0");
        var target = Path.Combine(Folder, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(output))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        if (allow)
        {
            using var dll = File.OpenRead(Path.Combine(target, $"{name}.dll"));
            _allowed.Add($"--Plugins:Allowed:{name}={Convert.ToHexStringLower(SHA256.HashData(dll))}");
        }
        return target;
    }

    public string[] HostArguments => [$"--Plugins:Path={Folder}", .. _allowed];

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test assembly.");
    }
}
