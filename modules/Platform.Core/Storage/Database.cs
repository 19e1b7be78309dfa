using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Platform.Core.Storage;

/// <summary>
/// Opens connections to the platform database. Every query the platform runs goes through Dapper on one of these,
/// with SQL that is the same for every provider unless <see cref="Dialect"/> says otherwise.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(DatabaseOptions options)
    {
        Provider = options.Provider;
        _connectionString = options.ConnectionString ?? DefaultSqlite();
        if (Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(_connectionString)
            {
                ForeignKeys = true,
                DefaultTimeout = 30,
            };
            _connectionString = builder.ToString();
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (folder is not null)
                Directory.CreateDirectory(folder);
        }
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect => SqlDialect.For(Provider);

    /// <summary>A short description for logs that never includes a password.</summary>
    public string Describe() =>
        Provider switch
        {
            DatabaseProvider.Sqlite => $"SQLite {new SqliteConnectionStringBuilder(_connectionString).DataSource}",
            DatabaseProvider.Postgres => DescribePostgres(new NpgsqlConnectionStringBuilder(_connectionString)),
            _ => $"SQL Server {new SqlConnectionStringBuilder(_connectionString).DataSource}",
        };

    /// <summary>How many connections this host has opened: each store method opens one, so tests count reads with
    /// it.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    private long _opened;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opened);
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(_connectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(_connectionString),
            _ => new SqlConnection(_connectionString),
        };
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs a command in one transaction: all of its writes land, or none does. The audit row of the request's change,
    /// if it is not written yet, lands with them (<see cref="Audit.PendingAudit"/>).
    /// </summary>
    public Task<T> InTransactionAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken = default
    ) =>
        OneWriterAsync(
            async () =>
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await work(connection, transaction);
                if (Audit.PendingAudit.Current is { } pending)
                    await pending.WriteOnceAsync(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            },
            cancellationToken
        );

    /// <summary>
    /// Runs a write transaction of SQLite after those of this process that came before it. SQLite lets one writer in at
    /// a time and makes the others retry after sleeping, which under load put hundreds of milliseconds on the slowest
    /// requests; queueing here costs nothing, since they could not write at once anyway. A transaction begun inside
    /// another (same flow) goes ahead as before. The server databases take concurrent writers: no queue.
    /// </summary>
    public async Task<T> OneWriterAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.Sqlite || Writing.Value)
            return await write();
        await _writer.WaitAsync(cancellationToken);
        try
        {
            Writing.Value = true;
            return await write();
        }
        finally
        {
            Writing.Value = false;
            _writer.Release();
        }
    }

    private readonly SemaphoreSlim _writer = new(1, 1);
    private static readonly AsyncLocal<bool> Writing = new();

    private static string DescribePostgres(NpgsqlConnectionStringBuilder b) =>
        $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";

    private static string DefaultSqlite() => $"Data Source={Path.Combine("data", "platform.db")}";
}
