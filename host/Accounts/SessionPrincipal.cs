using System.Security.Claims;
using Platform.Core.Accounts;

namespace Platform.Host.Accounts;

/// <summary>
/// What a signed-in session carries: the account's id and name, and for a session that a tenant's identity provider
/// signed in, that tenant (<see cref="Account.OnlyTenant"/>). Written by every way of signing in, read back by
/// <see cref="AccessMiddleware"/>.
/// </summary>
public static class SessionPrincipal
{
    private const string TenantClaim = "sasaeai:idp";

    public static ClaimsPrincipal For(Account account, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, account.Id), new(ClaimTypes.Name, account.UserName)];
        if (account.OnlyTenant is { } tenantId)
            claims.Add(new Claim(TenantClaim, tenantId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The session's account as it was signed in: limited to the provider's tenant where there is
    /// one.</summary>
    public static async Task<Account?> AccountAsync(
        ClaimsPrincipal user,
        AccountStore accounts,
        CancellationToken cancellationToken
    )
    {
        if (
            user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } accountId
            || await accounts.FindAsync(accountId, cancellationToken) is not { } account
        )
            return null;
        return user.FindFirstValue(TenantClaim) is { } tenantId ? account.Within(tenantId) : account;
    }
}
