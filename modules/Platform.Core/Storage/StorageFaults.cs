using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Platform.Core.Storage;

/// <summary>
/// Tells a database that cannot be reached (server stopped, network down, too many connections, SQLite file locked or
/// unreadable) from a fault of the platform's own: the first is answered 503 with Retry-After, because trying again
/// later helps; the second is a 500 and a log line.
/// </summary>
public static class StorageFaults
{
    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (
                e is AggregateException { InnerExceptions.Count: > 0 } aggregate
                && aggregate.InnerExceptions.Any(IsUnavailable)
            )
                return true;
            if (Unavailable(e))
                return true;
        }
        return false;
    }

    /// <summary>A row whose key is already taken: for the meeting grain, the sign that another activation of the same
    /// meeting wrote first (see <c>StaleRecordException</c>).</summary>
    public static bool IsDuplicateKey(Exception error) =>
        error switch
        {
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            // SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY.
            SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
            SqlException s => s.Number is 2627 or 2601,
            _ => false,
        };

    private static bool Unavailable(Exception e) =>
        e switch
        {
            // Class 08: connection exceptions; 53: insufficient resources; 57P0x: the server is shutting down or
            // starting.
            PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
                || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                || p.SqlState is "57P01" or "57P02" or "57P03",
            NpgsqlException n => n.IsTransient
                || n.InnerException is SocketException or IOException or TimeoutException,
            // BUSY, LOCKED, IOERR, FULL, CANTOPEN: another process holds the file, or the disk is gone or full.
            SqliteException s => s.SqliteErrorCode is 5 or 6 or 10 or 13 or 14,
            SqlException s => s.IsTransient || s.Number is -2 or 53 or 4060,
            // A grain that failed on the database answers with the exception's type name when the type itself cannot
            // travel. Only the connection failure's own type counts: PostgresException (a constraint, a bug in a query)
            // is a fault.
            Orleans.Serialization.UnavailableExceptionFallbackException f => f.ExceptionType
                == typeof(NpgsqlException).FullName,
            _ => false,
        };
}
