using System.Data.Common;

namespace Platform.Abstractions.Data;

/// <summary>The database the platform runs on; a module writes the SQL of its own tables for each.</summary>
public enum SqlProvider
{
    /// <summary>SQLite, the embedded default.</summary>
    Sqlite,

    /// <summary>PostgreSQL.</summary>
    Postgres,

    /// <summary>Microsoft SQL Server.</summary>
    SqlServer,
}

/// <summary>A connection and transaction that a module writes its own rows in.</summary>
public interface IModuleTransaction
{
    /// <summary>The open connection.</summary>
    DbConnection Connection { get; }

    /// <summary>The transaction to pass to every command.</summary>
    DbTransaction Transaction { get; }
}

/// <summary>
/// The database, for a module's own tables. A module creates them with migrations embedded in its assembly as
/// <c>Storage/Migrations/{sqlite|postgres|sqlserver}/NNNN_name.sql</c> (<c>&lt;EmbeddedResource
/// Include="**/Migrations/**/*.sql" /&gt;</c>), which the host applies in order at start-up. Every row carries
/// <c>tenant_id</c> and every query filters on it. A module reads and writes only its own tables: the core's data is
/// reached through the SDK's interfaces.
/// </summary>
public interface IModuleDatabase
{
    /// <summary>Which database this is.</summary>
    SqlProvider Provider { get; }

    /// <summary>An open connection; dispose it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in a transaction, committed when it returns and rolled back when it
    /// throws.</summary>
    Task<T> InTransactionAsync<T>(
        Func<IModuleTransaction, Task<T>> work,
        CancellationToken cancellationToken = default
    );
}
