using System.Data.Common;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Accounts;

/// <summary>The name a tenant's identity provider knows a member of staff by (its e-mail address or user
/// name).</summary>
public sealed record ExternalLogin(string TenantId, string Name)
{
    /// <summary>
    /// Providers differ in case (TANAKA@city… and tanaka@city…) and people type full-width: the platform compares names
    /// in NFKC, lower case.
    /// </summary>
    public static string Normalize(string name) =>
        name.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToLowerInvariant();
}

/// <summary>Signing in through a tenant's identity provider (OpenID Connect): finding the account it vouches
/// for.</summary>
public sealed partial class AccountStore
{
    private const string ExternalColumns = """
        account_id AS AccountId, external_name AS ExternalName, subject AS Subject
        """;

    private const string SelectExternalBySubject = $"""
        SELECT {ExternalColumns} FROM external_logins WHERE tenant_id = @tenantId AND subject = @value
        """;

    private const string SelectExternalByName = $"""
        SELECT {ExternalColumns} FROM external_logins WHERE tenant_id = @tenantId AND external_name = @value
        """;

    private const string BindSubject = """
        UPDATE external_logins SET subject = @subject, linked_at = @now
        WHERE tenant_id = @tenantId AND external_name = @ExternalName
        """;

    private const string SelectExternalNames = """
        SELECT account_id AS AccountId, external_name AS ExternalName FROM external_logins WHERE tenant_id = @tenantId
        """;

    private sealed class ExternalRow
    {
        public string AccountId { get; init; } = "";
        public string ExternalName { get; init; } = "";
        public string? Subject { get; init; }
    }

    /// <summary>
    /// The account of the person the tenant's provider signed in, limited to that tenant (<see
    /// cref="Account.Within"/>). A known subject finds its account; otherwise the registered name does, and its subject
    /// is bound from then on. A name already bound to another subject is refused: the provider gave the name to
    /// somebody else.
    /// </summary>
    public async Task<Account> SignInExternalAsync(
        string tenantId,
        string subject,
        string? name,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await FindExternalAsync(connection, SelectExternalBySubject, tenantId, subject);
        if (
            row is null
            && !string.IsNullOrWhiteSpace(name)
            && await FindExternalAsync(connection, SelectExternalByName, tenantId, ExternalLogin.Normalize(name))
                is { } byName
        )
        {
            if (byName.Subject is not null)
                throw new PlatformException(
                    403,
                    "auth.external_subject_mismatch",
                    "この外部IDは別の人のものとして登録されています。",
                    "同じ名前が別の人に割り当てられた可能性があります。テナント管理者に確認してください。"
                );
            await connection.ExecuteAsync(
                BindSubject,
                new
                {
                    subject,
                    now = Clock.Now(),
                    tenantId,
                    byName.ExternalName,
                }
            );
            row = byName;
        }
        if (row is null)
            throw new PlatformException(
                403,
                "auth.external_not_registered",
                "このIDはプラットフォームに登録されていません。",
                "テナント管理者に、利用者一覧で外部IDの登録を依頼してください。"
            );
        var account = await connection.QuerySingleAsync<Row>(SelectById, new { accountId = row.AccountId });
        return (await LoadAsync(connection, account)).Within(tenantId);
    }

    /// <summary>The external names registered in a tenant, by account id, for the users page.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExternalNamesAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExternalRow>(SelectExternalNames, new { tenantId });
        return rows.ToDictionary(r => r.AccountId, r => r.ExternalName);
    }

    private static Task<ExternalRow?> FindExternalAsync(
        DbConnection connection,
        string sql,
        string tenantId,
        string value
    ) => connection.QuerySingleOrDefaultAsync<ExternalRow>(sql, new { tenantId, value });
}
