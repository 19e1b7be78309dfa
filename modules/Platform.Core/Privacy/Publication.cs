using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Errors;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Privacy;

public sealed record PublicationState(bool Published, string CurrentHash, string? ApprovedHash, string? ApprovedBy, string? ApprovedAt)
{
    /// <summary>Approved, but the public version has changed since (an opinion added, a level changed): published again only after a new review.</summary>
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
    private sealed class Row
    {
        public string ContentHash { get; init; } = "";
        public string ApprovedBy { get; init; } = "";
        public string ApprovedAt { get; init; } = "";
    }

    public Task<Minutes.Minutes> PublicVersionAsync(HttpContext http, string meetingId) =>
        minutes.LoadAsync(http.Tenant(), meetingId, Audience.Public, http.Request.Path, requireHeld: true,
            http.RequestAborted);

    public static string Hash(Minutes.Minutes publicVersion) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MinutesMarkdown.Write(publicVersion))));

    public async Task<PublicationState> StateAsync(HttpContext http, string meetingId) =>
        await StateAsync(http, meetingId, await PublicVersionAsync(http, meetingId));

    /// <summary>The state of a public version already loaded: the review page shows it and its state from one reading.</summary>
    public async Task<PublicationState> StateAsync(HttpContext http, string meetingId, Minutes.Minutes publicVersion)
    {
        var current = Hash(publicVersion);
        var row = await FindAsync(http.Tenant().Id, meetingId, http.RequestAborted);
        return new PublicationState(row?.ContentHash == current, current, row?.ContentHash, row?.ApprovedBy, row?.ApprovedAt);
    }

    public async Task<PublicationState> ApproveAsync(HttpContext http, string meetingId, string? reviewedHash, string approvedBy)
    {
        var version = await PublicVersionAsync(http, meetingId);
        if (!version.Meeting.MinutesPublic)
            throw new PlatformException(409, "publication.minutes_not_public", "この会議の概要は「非公開」とされています。",
                "公開するには、会議の「概要を公開する」を有効にしてから、公開版を確認して承認してください。");
        var current = Hash(version);
        if (string.IsNullOrWhiteSpace(reviewedHash))
            throw new ValidationErrors().Add("reviewedHash", "publication.review_required", "公開版を確認してから承認してください。").ToException();
        if (!string.Equals(reviewedHash.Trim(), current, StringComparison.OrdinalIgnoreCase))
            throw new PlatformException(409, "publication.changed_since_review", "確認した後に公開版が変わりました。",
                "記録または公開区分が変更されています。公開版をもう一度確認してから承認してください。");
        var now = Clock.Now();
        var tenantId = http.Tenant().Id;
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM summary_publications WHERE tenant_id = @tenantId AND meeting_id = @meetingId", new { tenantId, meetingId }, transaction);
            return await connection.ExecuteAsync(
                "INSERT INTO summary_publications (tenant_id, meeting_id, content_hash, approved_by, approved_at) VALUES (@tenantId, @meetingId, @current, @approvedBy, @now)",
                new { tenantId, meetingId, current, approvedBy, now }, transaction);
        }, http.RequestAborted);
        return new PublicationState(true, current, current, approvedBy, now);
    }

    public async Task WithdrawAsync(string tenantId, string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM summary_publications WHERE tenant_id = @tenantId AND meeting_id = @meetingId", new { tenantId, meetingId });
    }

    /// <summary>The published summary, for anybody; answers 404 while it is not approved or has changed since.</summary>
    public async Task<Minutes.Minutes> PublishedAsync(HttpContext http, string meetingId)
    {
        var notPublished = PlatformException.NotFound("publication.not_published", "公開された概要");
        if (!Ids.IsValid(meetingId) || await FindAsync(http.Tenant().Id, meetingId, http.RequestAborted) is not { } row) throw notPublished;
        var version = await PublicVersionAsync(http, meetingId);
        return Hash(version) == row.ContentHash && version.Meeting.MinutesPublic ? version : throw notPublished;
    }

    /// <summary>The tenant's meetings with an approved publication (still to be checked against their current public version).</summary>
    public async Task<IReadOnlyList<string>> ApprovedMeetingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>("SELECT meeting_id FROM summary_publications WHERE tenant_id = @tenantId", new { tenantId })).ToList();
    }

    private async Task<Row?> FindAsync(string tenantId, string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT content_hash AS ContentHash, approved_by AS ApprovedBy, approved_at AS ApprovedAt FROM summary_publications WHERE tenant_id = @tenantId AND meeting_id = @meetingId",
            new { tenantId, meetingId });
    }
}
