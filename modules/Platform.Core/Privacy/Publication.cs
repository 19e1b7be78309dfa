using System.Security.Cryptography;
using System.Text;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Minutes;
using Platform.Core.Storage;

namespace Platform.Core.Privacy;

public sealed record PublicationState(
    bool Published,
    string CurrentHash,
    string? ApprovedHash,
    string? ApprovedBy,
    string? ApprovedAt
)
{
    /// <summary>Approved, but the public version has changed since (an opinion added, a level changed): published again
    /// only after a new review.</summary>
    public bool Stale => ApprovedHash is not null && ApprovedHash != CurrentHash;
}

public sealed record ApprovalInput(string? ReviewedHash);

/// <summary>
/// Publishing a summary: a coordinator reviews its public version (公開版) and approves exactly the version reviewed,
/// named by its SHA-256. The public page serves the summary only while the public version is still that one; any
/// change to the record or to a level takes it off until someone reviews and approves it again.
/// </summary>
public sealed class Publication(Database database, MinutesService minutes)
{
    private const string SelectApproval = """
        SELECT content_hash AS ContentHash, approved_by AS ApprovedBy, approved_at AS ApprovedAt
        FROM summary_publications WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string SelectApproved = """
        SELECT meeting_id FROM summary_publications WHERE tenant_id = @tenantId
        """;

    private const string Delete = """
        DELETE FROM summary_publications WHERE tenant_id = @tenantId AND meeting_id = @meetingId
        """;

    private const string Insert = """
        INSERT INTO summary_publications (tenant_id, meeting_id, content_hash, approved_by, approved_at)
        VALUES (@tenantId, @meetingId, @current, @approvedBy, @now)
        """;

    private sealed class Row
    {
        public string ContentHash { get; init; } = "";
        public string ApprovedBy { get; init; } = "";
        public string ApprovedAt { get; init; } = "";
    }

    /// <summary>The summary as the public would read it; a resident's information is never in it, so nothing is
    /// audited.</summary>
    public Task<Minutes.Minutes> PublicVersionAsync(
        TenantInfo tenant,
        string meetingId,
        CancellationToken cancellationToken
    ) =>
        minutes.LoadAsync(
            tenant,
            meetingId,
            Audience.Public,
            $"/{tenant.Id}/meetings/{meetingId}/public-version",
            requireHeld: true,
            cancellationToken
        );

    public static string Hash(Minutes.Minutes publicVersion) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MinutesMarkdown.Write(publicVersion))));

    public async Task<PublicationState> StateAsync(
        TenantInfo tenant,
        string meetingId,
        CancellationToken cancellationToken
    ) =>
        await StateAsync(
            tenant.Id,
            meetingId,
            await PublicVersionAsync(tenant, meetingId, cancellationToken),
            cancellationToken
        );

    /// <summary>The state of a public version already loaded: the review page shows it and its state from one
    /// reading.</summary>
    public async Task<PublicationState> StateAsync(
        string tenantId,
        string meetingId,
        Minutes.Minutes publicVersion,
        CancellationToken cancellationToken
    )
    {
        var current = Hash(publicVersion);
        var row = await FindAsync(tenantId, meetingId, cancellationToken);
        return new PublicationState(
            row?.ContentHash == current,
            current,
            row?.ContentHash,
            row?.ApprovedBy,
            row?.ApprovedAt
        );
    }

    /// <summary>Publishes the public version <paramref name="approver"/> reviewed, if it is still the current
    /// one.</summary>
    public async Task<PublicationState> ApproveAsync(
        TenantInfo tenant,
        string meetingId,
        string? reviewedHash,
        Audience approver,
        CancellationToken cancellationToken
    )
    {
        var version = await PublicVersionAsync(tenant, meetingId, cancellationToken);
        if (!version.Meeting.MinutesPublic)
            throw new PlatformException(
                409,
                "publication.minutes_not_public",
                "この会議の概要は「非公開」とされています。",
                "公開するには、会議の「概要を公開する」を有効にしてから、公開版を確認して承認してください。"
            );
        var current = Hash(version);
        if (string.IsNullOrWhiteSpace(reviewedHash))
            throw new ValidationErrors()
                .Add("reviewedHash", "publication.review_required", "公開版を確認してから承認してください。")
                .ToException();
        if (!string.Equals(reviewedHash.Trim(), current, StringComparison.OrdinalIgnoreCase))
            throw new PlatformException(
                409,
                "publication.changed_since_review",
                "確認した後に公開版が変わりました。",
                "記録または公開区分が変更されています。公開版をもう一度確認してから承認してください。"
            );
        var now = Clock.Now();
        var tenantId = tenant.Id;
        var approvedBy = approver.Name;
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(Delete, new { tenantId, meetingId }, transaction);
                return await connection.ExecuteAsync(
                    Insert,
                    new
                    {
                        tenantId,
                        meetingId,
                        current,
                        approvedBy,
                        now,
                    },
                    transaction
                );
            },
            cancellationToken
        );
        return new PublicationState(true, current, current, approvedBy, now);
    }

    public async Task WithdrawAsync(string tenantId, string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Delete, new { tenantId, meetingId });
    }

    /// <summary>The published summary, for anybody; answers 404 while it is not approved or has changed
    /// since.</summary>
    public async Task<Minutes.Minutes> PublishedAsync(
        TenantInfo tenant,
        string meetingId,
        CancellationToken cancellationToken
    )
    {
        var notPublished = PlatformException.NotFound("publication.not_published", "公開された概要");
        if (!Ids.IsValid(meetingId) || await FindAsync(tenant.Id, meetingId, cancellationToken) is not { } row)
            throw notPublished;
        var version = await PublicVersionAsync(tenant, meetingId, cancellationToken);
        return Hash(version) == row.ContentHash && version.Meeting.MinutesPublic ? version : throw notPublished;
    }

    /// <summary>The tenant's meetings with an approved publication (still to be checked against their current public
    /// version).</summary>
    public async Task<IReadOnlyList<string>> ApprovedMeetingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(SelectApproved, new { tenantId })).ToList();
    }

    private async Task<Row?> FindAsync(string tenantId, string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Row>(SelectApproval, new { tenantId, meetingId });
    }
}
