using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

public class MigratorTests
{
    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_apply_once_and_are_recorded_with_their_checksum(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = test.Open();
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);

        await migrator.ApplyAsync([typeof(Migrator).Assembly]);
        await migrator.ApplyAsync([typeof(Migrator).Assembly]);

        await using var connection = await database.OpenAsync();
        var rows = (
            await connection.QueryAsync<string>("SELECT checksum FROM schema_migrations WHERE owner = 'Platform.Core'")
        ).ToList();
        var expected = Migrator.Discover(typeof(Migrator).Assembly, provider).Select(m => m.Checksum).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM tenants"));
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_migration_changed_after_it_was_applied_stops_start_up(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = test.Open();
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        await migrator.ApplyAsync([typeof(Migrator).Assembly]);
        await using (var connection = await database.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE schema_migrations SET checksum = @c",
                new { c = new string('0', 64) }
            );

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            migrator.ApplyAsync([typeof(Migrator).Assembly])
        );
        Assert.Contains("was changed after it was applied", error.Message);
    }

    [Fact]
    public void Every_provider_has_the_same_migrations()
    {
        var versions = Enum.GetValues<DatabaseProvider>()
            .Select(p =>
                string.Join(",", Migrator.Discover(typeof(Migrator).Assembly, p).Select(m => $"{m.Version}_{m.Name}"))
            )
            .Distinct()
            .ToList();
        Assert.Single(versions);
        Assert.NotEqual("", versions[0]);
    }
}
