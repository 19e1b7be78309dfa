using System.Data.Common;
using System.Text;
using Dapper;

namespace Platform.Core.Storage;

/// <summary>
/// Inserts many rows with one statement per hundred rows: one round trip where Dapper's list form makes one per row.
/// A meeting grain's batch is written this way; on a server database the round trips were most of its time.
/// </summary>
public static class BulkInsert
{
    // SQL Server takes at most 2,100 parameters in a statement: a hundred rows of up to twenty columns fit.
    private const int RowsPerStatement = 100;

    public static async Task<int> RowsAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<T> rows,
        Func<T, object?[]> values
    )
    {
        var written = 0;
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var parameters = new DynamicParameters();
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (var r = 0; r < count; r++)
            {
                var row = values(rows[start + r]);
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    sql.Append(c == 0 ? "@p" : ", @p").Append(r).Append('_').Append(c);
                    parameters.Add($"p{r}_{c}", row[c]);
                }
                sql.Append(')');
            }
            written += await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
        return written;
    }
}
