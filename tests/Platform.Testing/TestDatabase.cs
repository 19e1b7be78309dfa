using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using Platform.Core.Storage;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A database of its own for one test: a temporary SQLite file, or a new database on the PostgreSQL server that
/// build/test.sh starts (<c>PLATFORM_TEST_POSTGRES</c>), or on a SQL Server given in <c>PLATFORM_TEST_SQLSERVER</c>.
/// PostgreSQL is required (its absence fails the test, so a green run means it ran); SQL Server is optional and
/// its tests are reported as skipped without one.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    /// <summary>The PostgreSQL server's admin connection string, which copies of this database are made through.</summary>
    private readonly string? _server;

    private TestDatabase(DatabaseOptions options, Func<Task> drop, string? server = null)
    {
        Options = options;
        _drop = drop;
        _server = server;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public Database Open() => new(Options);

    /// <summary>Arguments that point a host at this database.</summary>
    public string[] HostArguments =>
        [$"--Database:Provider={Options.Provider}", $"--Database:ConnectionString={Options.ConnectionString}"];

    public static IEnumerable<object[]> Providers =>
        [
            [DatabaseProvider.Sqlite],
            [DatabaseProvider.Postgres],
            [DatabaseProvider.SqlServer],
        ];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "t_" + Ids.New();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var path = Path.Combine(Path.GetTempPath(), $"sasaeai-{name}.db");
                return new TestDatabase(
                    new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={path};Pooling=false" },
                    () =>
                    {
                        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                            File.Delete(file);
                        return Task.CompletedTask;
                    }
                );
            }
            case DatabaseProvider.Postgres:
                return await OnPostgresAsync(
                    Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES")
                        ?? throw new InvalidOperationException(
                            "PLATFORM_TEST_POSTGRES is not set: run the tests with build/test.sh, which starts a PostgreSQL server."
                        )
                );
            default:
            {
                var server = Environment.GetEnvironmentVariable("PLATFORM_TEST_SQLSERVER");
                Skip.If(
                    string.IsNullOrEmpty(server),
                    "PLATFORM_TEST_SQLSERVER is not set: no SQL Server on this machine."
                );
                await using (var admin = new SqlConnection(server))
                    await admin.ExecuteAsync($"CREATE DATABASE {name}");
                var connection = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ToString();
                return new TestDatabase(
                    new DatabaseOptions { Provider = provider, ConnectionString = connection },
                    async () =>
                    {
                        SqlConnection.ClearAllPools();
                        await using var admin = new SqlConnection(server);
                        await admin.ExecuteAsync(
                            $"ALTER DATABASE {name} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {name}"
                        );
                    }
                );
            }
        }
    }

    /// <summary>
    /// A database of its own that starts as a copy of <paramref name="template"/> (a file copy on SQLite,
    /// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL). No connection to the template may be open.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase template)
    {
        var name = "t_" + Ids.New();
        switch (template.Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                    template.Options.ConnectionString
                ).DataSource;
                var path = Path.Combine(Path.GetTempPath(), $"sasaeai-{name}.db");
                File.Copy(source, path);
                return new TestDatabase(
                    new DatabaseOptions
                    {
                        Provider = DatabaseProvider.Sqlite,
                        ConnectionString = $"Data Source={path};Pooling=false",
                    },
                    () =>
                    {
                        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                            File.Delete(file);
                        return Task.CompletedTask;
                    }
                );
            }
            case DatabaseProvider.Postgres:
            {
                var server = template._server!;
                var templateName = new NpgsqlConnectionStringBuilder(template.Options.ConnectionString).Database;
                // A connection to the template (a host's late close) makes PostgreSQL refuse the copy for a moment.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await using var admin = new NpgsqlConnection(server);
                        await admin.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {templateName} ENCODING 'UTF8'");
                        return OnPostgres(server, name);
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                    {
                        await Task.Delay(250);
                    }
                }
            }
            default:
                throw new NotSupportedException($"No copies of {template.Provider} databases.");
        }
    }

    /// <summary>A new database on the PostgreSQL server at <paramref name="server"/> (a connection string to its admin
    /// database).</summary>
    public static async Task<TestDatabase> OnPostgresAsync(string server)
    {
        var name = "t_" + Ids.New();
        await using (var admin = new NpgsqlConnection(server))
            await admin.ExecuteAsync($"CREATE DATABASE {name} ENCODING 'UTF8'");
        return OnPostgres(server, name);
    }

    private static TestDatabase OnPostgres(string server, string name) =>
        new(
            new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(),
            },
            async () =>
            {
                await using var admin = new NpgsqlConnection(server);
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            },
            server
        );

    public async ValueTask DisposeAsync() => await _drop();
}
