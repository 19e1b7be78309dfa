namespace Platform.Core.Seeds;

/// <summary>
/// Marks the flow of a module's seeder: it loads a demo tenant for the tenant's staff, so what it reads of the records
/// the seed wrote it reads as staff would (関係者限り), not as the public, which is how reads outside a request are made.
/// </summary>
public static class Seeding
{
    private static readonly AsyncLocal<bool> Current = new();

    public static bool Active => Current.Value;

    public static IDisposable Begin()
    {
        Current.Value = true;
        return new End();
    }

    private sealed class End : IDisposable
    {
        public void Dispose() => Current.Value = false;
    }
}
