using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Accounts;

/// <summary>
/// Accounts, their grants and their access tokens. Passwords are hashed with ASP.NET Core's <see
/// cref="PasswordHasher{TUser}"/>; wrong passwords make further attempts wait a little (<see cref="SignInDelays"/>).
/// </summary>
public sealed partial class AccountStore(Database database, TimeProvider time, SignInDelays delays)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    private static readonly PasswordHasher<string> Hasher = new();

    // Verified against when the name is unknown: the same work as for a real account, and never a match.
    private static readonly string NobodysHash = Hasher.HashPassword(
        "",
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
    );

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string UserName { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public int PlatformAdmin { get; init; }
    }

    private sealed class GrantRow
    {
        public string TenantId { get; init; } = "";
        public string Role { get; init; } = "";
        public string? DistrictId { get; init; }
        public int Clearance { get; init; }
    }

    private sealed class TokenRow
    {
        public string AccountId { get; init; } = "";
        public string? TenantScope { get; init; }
        public string ExpiresAt { get; init; } = "";
    }

    private const string Columns = """
        account_id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash,
        platform_admin AS PlatformAdmin
        """;

    private const string CountPlatformAdmins = """
        SELECT COUNT(*) FROM accounts WHERE platform_admin = 1
        """;

    private const string CountByUserName = """
        SELECT COUNT(*) FROM accounts WHERE user_name = @userName
        """;

    // failed_count and locked_until belong to the former fifteen-minute lock-out and are no longer read.
    private const string InsertAccount = """
        INSERT INTO accounts (account_id, user_name, display_name, password_hash, platform_admin, failed_count,
                              locked_until, created_at)
        VALUES (@Id, @UserName, @DisplayName, @hash, @admin, 0, NULL, @now)
        """;

    private const string InsertGrant = """
        INSERT INTO account_grants (account_id, tenant_id, role, district_id, clearance)
        VALUES (@id, @TenantId, @role, @DistrictId, @clearance)
        """;

    private const string InsertExternalLogin = """
        INSERT INTO external_logins (tenant_id, external_name, account_id, subject, linked_at)
        VALUES (@TenantId, @Name, @id, NULL, NULL)
        """;

    private const string SelectByUserName = $"""
        SELECT {Columns} FROM accounts WHERE user_name = @userName
        """;

    private const string SelectById = $"""
        SELECT {Columns} FROM accounts WHERE account_id = @accountId
        """;

    private const string SelectForTenant = $"""
        SELECT {Columns} FROM accounts
        WHERE account_id IN (SELECT account_id FROM account_grants WHERE tenant_id = @tenantId)
        ORDER BY user_name
        """;

    private const string UpdatePassword = """
        UPDATE accounts SET password_hash = @hash WHERE account_id = @Id
        """;

    private const string DeleteTokens = """
        DELETE FROM access_tokens WHERE account_id = @Id
        """;

    private const string InsertToken = """
        INSERT INTO access_tokens (token_hash, account_id, expires_at, created_at, tenant_scope)
        VALUES (@hash, @id, @expires, @now, @OnlyTenant)
        """;

    private const string SelectToken = """
        SELECT account_id AS AccountId, tenant_scope AS TenantScope, expires_at AS ExpiresAt
        FROM access_tokens
        WHERE token_hash = @hash AND expires_at > @now
        """;

    private const string SelectGrants = """
        SELECT tenant_id AS TenantId, role AS Role, district_id AS DistrictId, clearance AS Clearance
        FROM account_grants
        WHERE account_id = @Id
        """;

    public async Task<int> CountPlatformAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(CountPlatformAdmins);
    }

    /// <summary>
    /// Creates an account as <see cref="AccountRules"/> checked it. With <paramref name="external"/>, the person signs
    /// in through the tenant's identity provider and <paramref name="password"/> may be null: the account then has no
    /// password anybody knows.
    /// </summary>
    public async Task<Account> CreateAsync(
        string userName,
        string displayName,
        string? password,
        bool platformAdmin,
        IEnumerable<Grant> grants,
        ExternalLogin? external = null,
        CancellationToken cancellationToken = default
    )
    {
        password ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        external = external is null ? null : external with { Name = ExternalLogin.Normalize(external.Name) };
        var account = new Account(Ids.New(), userName, displayName, platformAdmin, grants.ToList());
        await using (var check = await database.OpenAsync(cancellationToken))
        {
            if (await check.ExecuteScalarAsync<int>(CountByUserName, new { userName }) > 0)
                throw new PlatformException(
                    409,
                    "account.exists",
                    "同じユーザー名のアカウントがあります。",
                    $"「{userName}」は使われています。別のユーザー名にしてください。"
                );
            if (
                external is not null
                && await FindExternalAsync(check, SelectExternalByName, external.TenantId, external.Name) is not null
            )
                throw new PlatformException(
                    409,
                    "account.external_name_exists",
                    "同じ外部IDのアカウントがあります。",
                    $"外部ID「{external.Name}」は別のアカウントに登録されています。"
                );
        }
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    InsertAccount,
                    new
                    {
                        account.Id,
                        account.UserName,
                        account.DisplayName,
                        hash = Hasher.HashPassword(userName, password),
                        admin = platformAdmin ? 1 : 0,
                        now = Clock.Now(),
                    },
                    transaction
                );
                foreach (var g in account.Grants)
                    await connection.ExecuteAsync(
                        InsertGrant,
                        new
                        {
                            id = account.Id,
                            g.TenantId,
                            role = g.Role.ToString(),
                            g.DistrictId,
                            clearance = (int)g.Clearance,
                        },
                        transaction
                    );
                if (external is not null)
                    await connection.ExecuteAsync(
                        InsertExternalLogin,
                        new
                        {
                            external.TenantId,
                            external.Name,
                            id = account.Id,
                        },
                        transaction
                    );
                return 0;
            },
            cancellationToken
        );
        return account;
    }

    /// <summary>
    /// The account if the password is right. Wrong passwords make the name and the client's address wait
    /// (<see cref="SignInDelays"/>); an unknown name costs the same hash verification as a known one, so that the time
    /// of the answer does not tell which names exist.
    /// </summary>
    public async Task<Account> SignInAsync(
        string? userName,
        string? password,
        string? clientAddress = null,
        CancellationToken cancellationToken = default
    )
    {
        var invalid = new PlatformException(
            401,
            "auth.invalid_credentials",
            "ユーザー名またはパスワードが違います。",
            "入力を確かめて、もう一度お試しください。"
        );
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            throw invalid;
        if (delays.Attempt(userName, clientAddress) is { Ticks: > 0 } wait)
            throw RetryLater(wait);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(SelectByUserName, new { userName });
        if (
            Hasher.VerifyHashedPassword(userName, row?.PasswordHash ?? NobodysHash, password)
                == PasswordVerificationResult.Failed
            || row is null
        )
            throw invalid;
        delays.Succeeded(userName, clientAddress);
        return await LoadAsync(connection, row);
    }

    /// <summary>429 <c>auth.retry_later</c>, with the seconds to wait for the <c>Retry-After</c> header.</summary>
    public static PlatformException RetryLater(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return new PlatformException(
            429,
            "auth.retry_later",
            "パスワードの誤りが続いたため、少し待ってからお試しください。",
            $"{seconds}秒後にもう一度お試しください。待つ時間は誤りが続くほど長くなります（最長{SignInDelays.MaxWait.TotalSeconds}秒）。パスワードが分からない場合は管理者に連絡してください。"
        )
        {
            Extensions = { [PlatformException.RetryAfterExtension] = seconds },
        };
    }

    /// <summary>
    /// Sets the password <see cref="AccountRules.CheckPasswordChangeAsync"/> accepted, and revokes the account's
    /// tokens: a password change is what staff do when they fear someone else knows it.
    /// </summary>
    public async Task ChangePasswordAsync(Account account, string next, CancellationToken cancellationToken = default)
    {
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    UpdatePassword,
                    new { account.Id, hash = Hasher.HashPassword(account.UserName, next) },
                    transaction
                );
                return await connection.ExecuteAsync(DeleteTokens, new { account.Id }, transaction);
            },
            cancellationToken
        );
        Forget(account.Id);
    }

    /// <summary>The accounts holding a grant in the tenant, with those grants only.</summary>
    public async Task<IReadOnlyList<Account>> ListForTenantAsync(
        string tenantId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(SelectForTenant, new { tenantId });
        var list = new List<Account>();
        foreach (var row in rows)
        {
            var account = await LoadAsync(connection, row);
            list.Add(account with { Grants = account.Grants.Where(g => g.TenantId == tenantId).ToList() });
        }
        return list;
    }

    /// <summary>
    /// The account as every signed-in request needs it (session cookie or bearer token), from memory for up to
    /// <see cref="RememberedFor"/>: reading it for each request cost three queries and was most of the time of a
    /// recorded opinion.
    /// </summary>
    public async Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken = default)
    {
        if (Recall<Account>(AccountKey(accountId)) is { } known)
            return known;
        var account = await ReadAsync(accountId, cancellationToken);
        if (account is not null)
            Remember(AccountKey(accountId), account, time.GetUtcNow() + RememberedFor);
        return account;
    }

    private async Task<Account?> ReadAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(SelectById, new { accountId });
        return row is null ? null : await LoadAsync(connection, row);
    }

    /// <summary>A new bearer token for the account: returned once, stored only as its hash.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueTokenAsync(
        Account account,
        CancellationToken cancellationToken = default
    ) => await IssueAsync(account, "", TokenLifetime, cancellationToken);

    /// <summary>
    /// A token for calendar applications, which cannot send headers: it goes in the feed's URL, lasts a year, and is
    /// accepted only for reading calendar feeds (<see cref="FeedPrefix"/> marks it).
    /// </summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueFeedTokenAsync(
        Account account,
        CancellationToken cancellationToken = default
    ) => await IssueAsync(account, FeedPrefix, TimeSpan.FromDays(365), cancellationToken);

    public const string FeedPrefix = "feed-";

    private async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(
        Account account,
        string prefix,
        TimeSpan lifetime,
        CancellationToken cancellationToken
    )
    {
        var token =
            prefix
            + Convert
                .ToBase64String(RandomNumberGenerator.GetBytes(32))
                .TrimEnd('=')
                .Replace('+', '-')
                .Replace('/', '_');
        var expires = time.GetUtcNow().Add(lifetime);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            InsertToken,
            new
            {
                hash = Hash(token),
                id = account.Id,
                expires = expires.ToString("O"),
                now = Clock.Now(),
                account.OnlyTenant,
            }
        );
        return (token, expires);
    }

    public async Task<Account?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        if (Recall<TokenRow>(TokenKey(hash)) is not { } issued)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            issued = await connection.QuerySingleOrDefaultAsync<TokenRow>(
                SelectToken,
                new { hash, now = time.GetUtcNow().ToString("O") }
            );
            // Unknown tokens are not remembered: a guess costs the guesser a query each time, and cannot fill the
            // memory.
            if (issued is null)
                return null;
            var until = time.GetUtcNow() + RememberedFor;
            if (DateTimeOffset.TryParse(issued.ExpiresAt, out var expires) && expires < until)
                until = expires;
            Remember(TokenKey(hash), issued, until);
        }
        if (await FindAsync(issued.AccountId, cancellationToken) is not { } account)
            return null;
        return issued.TenantScope is null ? account : account.Within(issued.TenantScope);
    }

    /// <summary>
    /// How long a host trusts what it read of an account or a token. A change made through this host (a new password,
    /// which revokes the tokens) takes effect at once; one made on another host of a cluster, within this time.
    /// </summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _remembered = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    private static string AccountKey(string accountId) => "a:" + accountId;

    private static string TokenKey(string hash) => "t:" + hash;

    private sealed record Remembered(object Value, DateTimeOffset Until);

    // The platform's clock decides what is still valid (tests move it); the cache's own expiry only frees the memory.
    private T? Recall<T>(string key)
        where T : class =>
        _remembered.TryGetValue(key, out Remembered? r) && r!.Until > time.GetUtcNow() ? (T)r.Value : null;

    private void Remember(string key, object value, DateTimeOffset until) =>
        _remembered.Set(
            key,
            new Remembered(value, until),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = RememberedFor, Size = 1 }
        );

    /// <summary>Forgets the account and every token of it that this host remembers.</summary>
    private void Forget(string accountId)
    {
        _remembered.Remove(AccountKey(accountId));
        foreach (var key in _remembered.Keys.OfType<string>().Where(k => k.StartsWith("t:", StringComparison.Ordinal)))
            if (_remembered.TryGetValue(key, out Remembered? r) && ((TokenRow)r!.Value).AccountId == accountId)
                _remembered.Remove(key);
    }

    private static async Task<Account> LoadAsync(System.Data.Common.DbConnection connection, Row row)
    {
        var grants = await connection.QueryAsync<GrantRow>(SelectGrants, new { row.Id });
        return new Account(
            row.Id,
            row.UserName,
            row.DisplayName,
            row.PlatformAdmin != 0,
            grants
                .Select(g => new Grant(
                    g.TenantId,
                    Enum.Parse<Role>(g.Role),
                    g.DistrictId,
                    (Privacy.Sensitivity)g.Clearance
                ))
                .ToList()
        );
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
