using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Storage;

/// <summary>
/// Applies the versioned SQL migrations that modules embed as <c>Migrations/{provider}/NNNN_name.sql</c>.
/// Each migration runs in its own transaction together with its record in <c>schema_migrations</c>, so a crash
/// leaves it either applied and recorded or neither. An applied migration whose text changed stops start-up:
/// the database would no longer match the code.
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    public sealed record Migration(string Owner, int Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Migration> Discover(Assembly assembly, DatabaseProvider provider)
    {
        var folder = new DatabaseOptions { Provider = provider }.MigrationFolder;
        var marker = $".Migrations.{folder}.";
        var owner = assembly.GetName().Name!;
        var found = new List<Migration>();
        foreach (
            var resource in assembly.GetManifestResourceNames().Where(r => r.Contains(marker) && r.EndsWith(".sql"))
        )
        {
            var file = resource[(resource.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^4];
            var separator = file.IndexOf('_');
            if (separator <= 0 || !int.TryParse(file[..separator], out var version))
                throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var sql = new StreamReader(stream, Encoding.UTF8).ReadToEnd().Replace("\r\n", "\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            found.Add(new Migration(owner, version, file[(separator + 1)..], sql, checksum));
        }
        return found.OrderBy(m => m.Version).ToList();
    }

    public async Task ApplyAsync(IEnumerable<Assembly> assemblies, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Write-ahead logging lets readers go on while a meeting is recorded, and commits append to one file; it is a
        // property of the file, set once. synchronous stays FULL, so an acknowledged write survives a power cut.
        if (database.Provider == DatabaseProvider.Sqlite)
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
        await connection.ExecuteAsync(CreateHistoryTable);
        foreach (var migration in assemblies.SelectMany(a => Discover(a, database.Provider)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(LockHistory, transaction: transaction);
            var applied = await connection.QuerySingleOrDefaultAsync<string>(
                "SELECT checksum FROM schema_migrations WHERE owner = @Owner AND version = @Version",
                new { migration.Owner, migration.Version },
                transaction
            );
            if (applied is not null)
            {
                if (applied != migration.Checksum)
                    throw new InvalidOperationException(
                        $"Migration {migration.Owner} {migration.Version:D4}_{migration.Name} was changed after it was applied "
                            + $"(checksum {applied[..12]}… in the database, {migration.Checksum[..12]}… in the code). Add a new migration instead."
                    );
                continue;
            }
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (owner, version, name, checksum, applied_at) VALUES (@Owner, @Version, @Name, @Checksum, @AppliedAt)",
                new
                {
                    migration.Owner,
                    migration.Version,
                    migration.Name,
                    migration.Checksum,
                    AppliedAt = DateTimeOffset.UtcNow.ToString("O"),
                },
                transaction
            );
            await transaction.CommitAsync(cancellationToken);
            LogApplied(migration.Owner, migration.Version, migration.Name, database.Describe());
        }
    }

    // The history table carries no tenant_id: it describes the schema, not anybody's data.
    private string CreateHistoryTable =>
        database.Provider == DatabaseProvider.SqlServer
            ? "IF OBJECT_ID('schema_migrations') IS NULL CREATE TABLE schema_migrations (owner varchar(200) NOT NULL, version int NOT NULL, name varchar(200) NOT NULL, checksum char(64) NOT NULL, applied_at varchar(40) NOT NULL, PRIMARY KEY (owner, version))"
            : "CREATE TABLE IF NOT EXISTS schema_migrations (owner varchar(200) NOT NULL, version int NOT NULL, name varchar(200) NOT NULL, checksum char(64) NOT NULL, applied_at varchar(40) NOT NULL, PRIMARY KEY (owner, version))";

    // Two hosts starting together against one server database must not both apply a migration.
    // SQLite's transactions are already exclusive (BEGIN IMMEDIATE).
    private string LockHistory =>
        database.Provider switch
        {
            DatabaseProvider.Postgres => "SELECT pg_advisory_xact_lock(724271)",
            DatabaseProvider.SqlServer =>
                "EXEC sp_getapplock @Resource = 'schema_migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction'",
            _ => "SELECT 1",
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Owner} {Version} {Name} to {Database}")]
    private partial void LogApplied(string owner, int version, string name, string database);
}
