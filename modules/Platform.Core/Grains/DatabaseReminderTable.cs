using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Core.Storage;

namespace Platform.Core.Grains;

/// <summary>
/// Orleans reminders in the platform database (Orleans' own ADO.NET scripts are not shipped in its packages, and
/// the embedded default has no other durable store). One row per grain and reminder; the ETag is a counter that a
/// removal must match.
/// </summary>
public sealed class DatabaseReminderTable(Database database, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private string ServiceId => cluster.Value.ServiceId;

    private sealed class Row
    {
        public string GrainId { get; init; } = "";
        public string ReminderName { get; init; } = "";
        public string StartTime { get; init; } = "";
        public long PeriodMs { get; init; }
        public int Etag { get; init; }

        public ReminderEntry ToEntry() =>
            new()
            {
                GrainId = Orleans.Runtime.GrainId.Parse(GrainId),
                ReminderName = ReminderName,
                StartAt = DateTime.Parse(StartTime, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Period = TimeSpan.FromMilliseconds(PeriodMs),
                ETag = Etag.ToString(CultureInfo.InvariantCulture),
            };
    }

    private const string Columns =
        "grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS PeriodMs, etag AS Etag";

    public Task Init() => Task.CompletedTask;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @grainId",
            new { ServiceId, grainId = grainId.ToString() }
        );
        return new ReminderTableData(rows.Select(r => r.ToEntry()));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // (begin, end] on the ring of uniform hash codes; begin >= end wraps around zero.
        var condition =
            begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @ServiceId AND {condition}",
            new
            {
                ServiceId,
                begin = (long)begin,
                end = (long)end,
            }
        );
        return new ReminderTableData(rows.Select(r => r.ToEntry()));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @grainId AND reminder_name = @reminderName",
            new
            {
                ServiceId,
                grainId = grainId.ToString(),
                reminderName,
            }
        );
        return row?.ToEntry();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        database.InTransactionAsync<string?>(
            async (connection, transaction) =>
            {
                var key = new
                {
                    ServiceId,
                    grainId = entry.GrainId.ToString(),
                    reminderName = entry.ReminderName,
                    hash = (long)entry.GrainId.GetUniformHashCode(),
                    start = entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                    period = (long)entry.Period.TotalMilliseconds,
                };
                var etag = await connection.ExecuteScalarAsync<int?>(
                    "SELECT etag FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @grainId AND reminder_name = @reminderName",
                    key,
                    transaction
                );
                if (etag is { } current)
                    await connection.ExecuteAsync(
                        "UPDATE orleans_reminders SET start_time = @start, period_ms = @period, grain_hash = @hash, etag = etag + 1 "
                            + "WHERE service_id = @ServiceId AND grain_id = @grainId AND reminder_name = @reminderName",
                        key,
                        transaction
                    );
                else
                    await connection.ExecuteAsync(
                        "INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, etag) "
                            + "VALUES (@ServiceId, @grainId, @reminderName, @hash, @start, @period, 0)",
                        key,
                        transaction
                    );
                return ((etag ?? -1) + 1).ToString(CultureInfo.InvariantCulture);
            }
        );

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
                "DELETE FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @grainId AND reminder_name = @reminderName AND etag = @etag",
                new
                {
                    ServiceId,
                    grainId = grainId.ToString(),
                    reminderName,
                    etag = int.Parse(eTag, CultureInfo.InvariantCulture),
                }
            ) == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM orleans_reminders WHERE service_id = @ServiceId", new { ServiceId });
    }
}
