using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Platform.Core.Storage;

namespace Platform.Testing;

/// <summary>
/// Databases of their own with the schema and the demo tenants already in them. The first call per provider starts
/// a host once on a template database (migrations, seeds, the platform administrator) and stops it without a request;
/// every call then copies that template, so a test host starts on the same rows as on an empty database but skips the
/// work (seeding alone is most of a host's start). Migrations and seeds still run at each start and find nothing to
/// do. SQL Server has no copies: its databases start empty, as before.
/// </summary>
public static class SeededDatabases
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> Templates = new();

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider is DatabaseProvider.SqlServer)
            return await TestDatabase.CreateAsync(provider);
        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => SeedAsync(p))).Value;
        return await TestDatabase.CopyOfAsync(template);
    }

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var template = await TestDatabase.CreateAsync(provider);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var app = TestPlatform.CreateApp(template, realPort: false, []);
        await app.StartAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        if (provider is DatabaseProvider.Sqlite)
        {
            // The copy is of the main file alone: everything in the write-ahead log goes into it first.
            await using var connection = new SqliteConnection(template.Options.ConnectionString);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return template;
    }
}
