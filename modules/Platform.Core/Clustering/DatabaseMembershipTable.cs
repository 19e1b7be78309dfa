using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Core.Storage;

namespace Platform.Core.Clustering;

/// <summary>
/// Orleans cluster membership in the platform database, so that several hosts on one PostgreSQL (or SQL Server)
/// form a cluster without Orleans' ADO.NET scripts, which are not shipped in its packages.
/// <para>
/// The whole table of one cluster is one JSON document with an integer version in its row. Every change reads the
/// document, checks what the membership protocol asks it to check (the table version, the row's ETag), and writes
/// back with <c>WHERE etag = @read</c>; losing that race answers <c>false</c>, which the protocol retries. Silos are
/// few, so one document is small, and the conditional UPDATE is the same SQL on every provider.
/// </para>
/// </summary>
public sealed class DatabaseMembershipTable(Database database, IOptions<ClusterOptions> clusterOptions)
    : IMembershipTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private string ClusterId => clusterOptions.Value.ClusterId;

    private sealed class Document
    {
        public int Version { get; set; }
        public List<Member> Members { get; set; } = [];
    }

    private sealed class Member
    {
        public string Address { get; set; } = "";
        public int ETag { get; set; }
        public int Status { get; set; }
        public int ProxyPort { get; set; }
        public string? HostName { get; set; }
        public string? SiloName { get; set; }
        public string? RoleName { get; set; }
        public int UpdateZone { get; set; }
        public int FaultZone { get; set; }
        public DateTime StartTime { get; set; }
        public DateTime IAmAliveTime { get; set; }
        public List<Suspicion> Suspicions { get; set; } = [];
    }

    private sealed record Suspicion(string Address, DateTime At);

    private sealed class Row
    {
        public int ETag { get; init; }
        public string Payload { get; init; } = "";
    }

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (!tryInitTableVersion)
            return;
        await using var connection = await database.OpenAsync();
        var exists = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM orleans_membership WHERE cluster_id = @ClusterId",
            new { ClusterId }
        );
        if (exists > 0)
            return;
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO orleans_membership (cluster_id, etag, payload) VALUES (@ClusterId, 0, @payload)",
                new { ClusterId, payload = JsonSerializer.Serialize(new Document(), Json) }
            );
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            // Another silo initialised it first: that is the expected outcome of a race here.
        }
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "DELETE FROM orleans_membership WHERE cluster_id = @clusterId",
            new { clusterId }
        );
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (etag, document) = await LoadAsync();
            var removed = document.Members.RemoveAll(m =>
                m.Status == (int)SiloStatus.Dead && m.IAmAliveTime < beforeDate.UtcDateTime
            );
            if (removed == 0 || await SaveAsync(etag, document))
                return;
        }
    }

    public async Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        var (_, document) = await LoadAsync();
        var address = key.ToParsableString();
        return ToData(document, document.Members.Where(m => m.Address == address));
    }

    public async Task<MembershipTableData> ReadAll()
    {
        var (_, document) = await LoadAsync();
        return ToData(document, document.Members);
    }

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        var (etag, document) = await LoadAsync();
        var address = entry.SiloAddress.ToParsableString();
        if (tableVersion.Version != document.Version + 1 || document.Members.Any(m => m.Address == address))
            return false;
        document.Members.Add(FromEntry(entry, etag: 1));
        document.Version = tableVersion.Version;
        return await SaveAsync(etag, document);
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        var (documentEtag, document) = await LoadAsync();
        var address = entry.SiloAddress.ToParsableString();
        var index = document.Members.FindIndex(m => m.Address == address);
        if (
            index < 0
            || tableVersion.Version != document.Version + 1
            || document.Members[index].ETag.ToString() != etag
        )
            return false;
        document.Members[index] = FromEntry(entry, document.Members[index].ETag + 1);
        document.Version = tableVersion.Version;
        return await SaveAsync(documentEtag, document);
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        var address = entry.SiloAddress.ToParsableString();
        // Not versioned by the protocol, but it must not undo a concurrent versioned change: retry on conflict.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (etag, document) = await LoadAsync();
            var member = document.Members.Find(m => m.Address == address);
            if (member is null)
                return;
            member.IAmAliveTime = entry.IAmAliveTime;
            if (await SaveAsync(etag, document))
                return;
        }
        throw new InvalidOperationException(
            $"Could not record that silo {address} is alive: the membership row kept changing."
        );
    }

    private async Task<(int ETag, Document Document)> LoadAsync()
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT etag AS ETag, payload AS Payload FROM orleans_membership WHERE cluster_id = @ClusterId",
            new { ClusterId }
        );
        return row is null
            ? (-1, new Document())
            : (row.ETag, JsonSerializer.Deserialize<Document>(row.Payload, Json)!);
    }

    private async Task<bool> SaveAsync(int etag, Document document)
    {
        if (etag < 0)
            return false;
        await using var connection = await database.OpenAsync();
        var updated = await connection.ExecuteAsync(
            "UPDATE orleans_membership SET etag = etag + 1, payload = @payload WHERE cluster_id = @ClusterId AND etag = @etag",
            new
            {
                ClusterId,
                etag,
                payload = JsonSerializer.Serialize(document, Json),
            }
        );
        return updated == 1;
    }

    private static MembershipTableData ToData(Document document, IEnumerable<Member> members) =>
        new(
            members.Select(m => Tuple.Create(ToEntry(m), m.ETag.ToString())).ToList(),
            new TableVersion(document.Version, document.Version.ToString())
        );

    private static Member FromEntry(MembershipEntry entry, int etag) =>
        new()
        {
            Address = entry.SiloAddress.ToParsableString(),
            ETag = etag,
            Status = (int)entry.Status,
            ProxyPort = entry.ProxyPort,
            HostName = entry.HostName,
            SiloName = entry.SiloName,
            RoleName = entry.RoleName,
            UpdateZone = entry.UpdateZone,
            FaultZone = entry.FaultZone,
            StartTime = entry.StartTime,
            IAmAliveTime = entry.IAmAliveTime,
            Suspicions =
                entry.SuspectTimes?.Select(s => new Suspicion(s.Item1.ToParsableString(), s.Item2)).ToList() ?? [],
        };

    private static MembershipEntry ToEntry(Member member) =>
        new()
        {
            SiloAddress = SiloAddress.FromParsableString(member.Address),
            Status = (SiloStatus)member.Status,
            ProxyPort = member.ProxyPort,
            HostName = member.HostName ?? "",
            SiloName = member.SiloName ?? "",
            RoleName = member.RoleName,
            UpdateZone = member.UpdateZone,
            FaultZone = member.FaultZone,
            StartTime = member.StartTime,
            IAmAliveTime = member.IAmAliveTime,
            SuspectTimes = member
                .Suspicions.Select(s => Tuple.Create(SiloAddress.FromParsableString(s.Address), s.At))
                .ToList(),
        };
}
