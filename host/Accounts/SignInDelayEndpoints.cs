using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Tenancy;

namespace Platform.Host.Accounts;

/// <summary>
/// Who must wait before signing in again after wrong passwords (<see cref="SignInDelays"/>), and clearing it: the
/// tenant admin for the tenant's accounts (a colleague who mistyped and cannot wait), the platform administrator for
/// every name tried, accounts without a tenant and names of no account included.
/// </summary>
public static class SignInDelayEndpoints
{
    public sealed record Waiting(string UserName, int Failures, DateTimeOffset LastFailureAt, DateTimeOffset? WaitUntil);

    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermission(CorePermissions.Administer);
        tenant.MapGet("/api/users/sign-in-delays", async (HttpContext http, AccountStore accounts, SignInDelays delays, TimeProvider time) =>
            List(delays, time, await TenantUserNamesAsync(http, accounts))).WithTags("Accounts");
        tenant.MapDelete("/api/users/{userName}/sign-in-delay", async (HttpContext http, string userName, AccountStore accounts, SignInDelays delays) =>
        {
            // Only accounts of this tenant alone: clearing the wait of the platform administrator, or of someone who also
            // works in another tenant, would help a guesser of that account's password.
            var account = (await accounts.ListForTenantAsync(http.Tenant().Id, http.RequestAborted))
                .FirstOrDefault(a => SignInDelays.NameKey(a.UserName) == SignInDelays.NameKey(userName));
            var full = account is null ? null : await accounts.FindAsync(account.Id, http.RequestAborted);
            if (full is null || full.IsPlatformAdmin || full.Grants.Any(g => g.TenantId != http.Tenant().Id))
                throw PlatformException.NotFound("account.not_found", "アカウント");
            delays.Clear(userName);
            return Results.NoContent();
        }).WithTags("Accounts");

        app.MapGet("/api/users/sign-in-delays", (SignInDelays delays, TimeProvider time) => List(delays, time, null)).WithTags("Accounts");
        app.MapDelete("/api/users/{userName}/sign-in-delay", (string userName, SignInDelays delays) =>
        {
            delays.Clear(userName);
            return Results.NoContent();
        }).WithTags("Accounts");
    }

    /// <summary>The names among <paramref name="only"/> (all if null) with failures not yet forgotten, by name.</summary>
    public static IReadOnlyList<Waiting> List(SignInDelays delays, TimeProvider time, IReadOnlySet<string>? only)
    {
        var now = time.GetUtcNow();
        return delays.Names().Where(e => only is null || only.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new Waiting(e.Key, e.Value.Count, e.Value.Last, e.Value.NotBefore > now ? e.Value.NotBefore : null)).ToList();
    }

    private static async Task<IReadOnlySet<string>> TenantUserNamesAsync(HttpContext http, AccountStore accounts) =>
        (await accounts.ListForTenantAsync(http.Tenant().Id, http.RequestAborted)).Select(a => SignInDelays.NameKey(a.UserName)).ToHashSet(StringComparer.Ordinal);
}
