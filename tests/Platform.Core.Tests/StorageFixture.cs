using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Core.Tests;

/// <summary>A migrated throwaway database of one provider.</summary>
public static class Migrated
{
    public static async Task<TestDatabase> DatabaseAsync(DatabaseProvider provider)
    {
        var test = await TestDatabase.CreateAsync(provider);
        await new Migrator(test.Open(), NullLogger<Migrator>.Instance).ApplyAsync([typeof(Migrator).Assembly]);
        return test;
    }
}
