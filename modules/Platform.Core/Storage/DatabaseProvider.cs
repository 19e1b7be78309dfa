namespace Platform.Core.Storage;

/// <summary>The database engines the platform speaks. The folder name under <c>Migrations/</c> is the lower-case
/// name.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>. Nothing set means SQLite in <c>data/platform.db</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    public string MigrationFolder =>
        Provider switch
        {
            DatabaseProvider.Sqlite => "sqlite",
            DatabaseProvider.Postgres => "postgres",
            _ => "sqlserver",
        };
}
