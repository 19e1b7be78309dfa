using Dapper;
using Platform.Core.Storage;

namespace Platform.Bench;

/// <summary>
/// A database for one run: a temporary SQLite file, or a PostgreSQL database created on the given server and dropped
/// when the run ends. <see cref="HostArguments"/> point a host at it, in process or as a process of its own.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _created;

    private BenchDatabase(string? server, string? created, string[] hostArguments)
    {
        _server = server;
        _created = created;
        HostArguments = hostArguments;
    }

    public string[] HostArguments { get; }

    /// <summary>"sqlite" or "postgres": the database column of <see cref="Figures"/>.</summary>
    public string Name => _server is null ? "sqlite" : "postgres";

    /// <param name="server">A PostgreSQL connection string (the server, not a database); null for the embedded
    /// SQLite.</param>
    public static async Task<BenchDatabase> CreateAsync(string? server)
    {
        if (server is null)
            return new BenchDatabase(
                null,
                null,
                [
                    "--Database:Provider=Sqlite",
                    $"--Database:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), $"sasaeai-bench-{Guid.NewGuid():N}.db")}",
                ]
            );
        var created = "bench_" + Ids.New();
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE {created}");
        }
        return new BenchDatabase(
            server,
            created,
            [
                "--Database:Provider=Postgres",
                $"--Database:ConnectionString={new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = created, MaxPoolSize = 64 }}",
            ]
        );
    }

    public async ValueTask DisposeAsync()
    {
        if (_created is null)
            return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(_server);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE {_created} WITH (FORCE)");
    }
}
