namespace Platform.Abstractions;

/// <summary>
/// The SDK's semantic version (this assembly's version). A plugin states the range it was built for in its
/// <c>plugin.json</c>; the host refuses a plugin whose range does not contain this version. Within one major
/// version, public types and members are only added, never removed or changed.
/// </summary>
public static class PlatformSdk
{
    /// <summary>The version of the SDK the host runs.</summary>
    public static Version Version => typeof(PlatformSdk).Assembly.GetName().Version!;
}
