using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Privacy;
using Platform.Core.Storage;

namespace Platform.Core.Meetings;

/// <summary>A handout (配布資料) of a meeting: the file itself, kept in the database with the meeting it belongs
/// to.</summary>
public sealed record Handout(
    string Id,
    string FileName,
    string ContentType,
    int SizeBytes,
    string UploadedAt,
    Sensitivity Sensitivity = Sensitivity.Participants,
    Withheld? Withheld = null
);

/// <summary>The handouts of meetings; it only persists (<see cref="MeetingRules.CheckHandout"/> checks them).</summary>
public sealed class HandoutStore(Database database)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private const string Columns = """
        handout_id AS Id, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes,
        uploaded_at AS UploadedAt, sensitivity AS Sensitivity
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM handouts
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId ORDER BY uploaded_at
        """;

    private const string GetSql = $"""
        SELECT {Columns}, content AS Content FROM handouts
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND handout_id = @handoutId
        """;

    private const string InsertSql = """
        INSERT INTO handouts (tenant_id, handout_id, meeting_id, file_name, content_type, size_bytes, content,
            uploaded_at, sensitivity)
        VALUES (@tenantId, @Id, @meetingId, @FileName, @ContentType, @SizeBytes, @content, @UploadedAt, @level)
        """;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public int SizeBytes { get; init; }
        public string UploadedAt { get; init; } = "";
        public int Sensitivity { get; init; }
        public byte[]? Content { get; init; }

        public Handout ToHandout() => new(Id, FileName, ContentType, SizeBytes, UploadedAt, (Sensitivity)Sensitivity);
    }

    public async Task<IReadOnlyList<Handout>> ListAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(ListSql, new { tenantId, meetingId });
        return rows.Select(r => r.ToHandout()).ToList();
    }

    public async Task<(Handout Handout, byte[] Content)> GetAsync(
        string tenantId,
        string meetingId,
        string handoutId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r =
            await connection.QuerySingleOrDefaultAsync<Row>(
                GetSql,
                new
                {
                    tenantId,
                    meetingId,
                    handoutId,
                }
            ) ?? throw PlatformException.NotFound("handout.not_found", "配布資料");
        return (r.ToHandout(), r.Content!);
    }

    /// <summary>Writes a handout checked by <see cref="MeetingRules.CheckHandout"/>, with its basis if any.</summary>
    public async Task AddAsync(
        string tenantId,
        string meetingId,
        Handout handout,
        byte[] content,
        PersonalBasis? basis,
        CancellationToken cancellationToken = default
    ) =>
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    InsertSql,
                    new
                    {
                        tenantId,
                        meetingId,
                        handout.Id,
                        handout.FileName,
                        handout.ContentType,
                        handout.SizeBytes,
                        content,
                        handout.UploadedAt,
                        level = (int)handout.Sensitivity,
                    },
                    transaction
                );
                if (basis is not null)
                    await PrivacyStore.SaveBasisAsync(
                        connection,
                        transaction,
                        tenantId,
                        ItemKinds.Handout,
                        handout.Id,
                        meetingId,
                        basis
                    );
                return 0;
            },
            cancellationToken
        );
}
