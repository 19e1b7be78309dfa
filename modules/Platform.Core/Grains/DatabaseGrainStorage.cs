using System.Text.Json;
using Dapper;
using Orleans.Storage;
using Platform.Core.Storage;

namespace Platform.Core.Grains;

/// <summary>
/// Grain state in the platform database, one row per grain and state name, the state as JSON. The ETag is an
/// integer version: a write names the version it read and fails if another writer got there first, so two
/// activations of one grain (a split cluster, say) can never silently overwrite each other.
/// The same SQL runs on every provider.
/// </summary>
public sealed class DatabaseGrainStorage(Database database) : IGrainStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (type, id) = Key(stateName, grainId);
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT payload AS Payload, etag AS ETag FROM grain_state WHERE grain_type = @type AND grain_id = @id",
            new { type, id }
        );
        if (row is not null)
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Payload, Json)!;
            grainState.ETag = row.ETag.ToString();
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (type, id) = Key(stateName, grainId);
        var payload = JsonSerializer.Serialize(grainState.State, Json);
        var now = DateTimeOffset.UtcNow.ToString("O");
        await using var connection = await database.OpenAsync();
        if (grainState.ETag is null)
        {
            try
            {
                await connection.ExecuteAsync(
                    "INSERT INTO grain_state (grain_type, grain_id, tenant_id, payload, etag, updated_at) VALUES (@type, @id, @tenantId, @payload, 1, @now)",
                    new
                    {
                        type,
                        id,
                        tenantId = TenantOf(grainId),
                        payload,
                        now,
                    }
                );
            }
            catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
            {
                throw new InconsistentStateException(
                    $"State of {grainId} was created by another writer.",
                    "unknown",
                    "none"
                );
            }
            grainState.ETag = "1";
        }
        else
        {
            var expected = int.Parse(grainState.ETag);
            var updated = await connection.ExecuteAsync(
                "UPDATE grain_state SET payload = @payload, etag = etag + 1, updated_at = @now WHERE grain_type = @type AND grain_id = @id AND etag = @expected",
                new
                {
                    type,
                    id,
                    payload,
                    now,
                    expected,
                }
            );
            if (updated == 0)
                throw new InconsistentStateException(
                    $"State of {grainId} was changed by another writer.",
                    "unknown",
                    grainState.ETag
                );
            grainState.ETag = (expected + 1).ToString();
        }
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (type, id) = Key(stateName, grainId);
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "DELETE FROM grain_state WHERE grain_type = @type AND grain_id = @id",
            new { type, id }
        );
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private sealed class Row
    {
        public string Payload { get; init; } = "";
        public int ETag { get; init; }
    }

    private static (string Type, string Id) Key(string stateName, GrainId grainId) =>
        ($"{grainId.Type}/{stateName}", grainId.Key.ToString()!);

    // Platform grain keys start with the tenant id ("aomori" or "aomori/…"), which every row records.
    private static string TenantOf(GrainId grainId)
    {
        var key = grainId.Key.ToString()!;
        var slash = key.IndexOf('/');
        var candidate = slash < 0 ? key : key[..slash];
        return Tenancy.TenantRules.IsValidSlug(candidate) ? candidate : "";
    }
}
