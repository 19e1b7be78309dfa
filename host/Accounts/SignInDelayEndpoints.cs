using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;

namespace Platform.Host.Accounts;

/// <summary>
/// Who must wait before signing in again after wrong passwords (<see cref="SignInDelays"/>), and clearing it: the
/// tenant admin for the tenant's accounts (a colleague who mistyped and cannot wait), the platform administrator for
/// every name tried, accounts without a tenant and names of no account included.
/// </summary>
public static class SignInDelayEndpoints
{
    public sealed record Waiting(
        string UserName,
        int Failures,
        DateTimeOffset LastFailureAt,
        DateTimeOffset? WaitUntil
    );

    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder tenant)
    {
        var api = tenant.MapGroup("/api/users").WithTags("Accounts").RequirePermission(CorePermissions.Administer);
        api.MapGet("/sign-in-delays", ListTenantDelays)
            .Describe("listTenantSignInDelays", "テナントの利用者のサインイン待ち", "List the tenant's sign-in delays");
        api.MapDelete("/{userName}/sign-in-delay", ClearTenantDelay)
            .Describe("clearTenantSignInDelay", "利用者のサインイン待ちを解除", "Clear a user's sign-in delay")
            .Refuses(404, "account.not_found");

        // The platform administrator's, on the host: the access check refuses everyone else.
        app.MapGet("/api/users/sign-in-delays", ListDelays)
            .WithTags("Accounts")
            .Describe("listSignInDelays", "すべてのサインイン待ち", "List every sign-in delay")
            .Refuses(401, "auth.required")
            .Refuses(403, "auth.forbidden");
        app.MapDelete("/api/users/{userName}/sign-in-delay", ClearDelay)
            .WithTags("Accounts")
            .Describe("clearSignInDelay", "名前のサインイン待ちを解除", "Clear a name's sign-in delay")
            .Refuses(401, "auth.required")
            .Refuses(403, "auth.forbidden");
    }

    public static async Task<Ok<IReadOnlyList<Waiting>>> ListTenantDelays(
        ITenantContext tenant,
        AccountStore accounts,
        SignInDelays delays,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var names = (await accounts.ListForTenantAsync(tenant.Tenant.Id, cancellationToken))
            .Select(a => SignInDelays.NameKey(a.UserName))
            .ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(List(delays, time, names));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ClearTenantDelay(
        ITenantContext tenant,
        string userName,
        AccountStore accounts,
        SignInDelays delays,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        // Only accounts of this tenant alone: clearing the wait of the platform administrator, or of someone who also
        // works in another tenant, would help a guesser of that account's password.
        var account = (await accounts.ListForTenantAsync(tenantId, cancellationToken)).FirstOrDefault(a =>
            SignInDelays.NameKey(a.UserName) == SignInDelays.NameKey(userName)
        );
        var full = account is null ? null : await accounts.FindAsync(account.Id, cancellationToken);
        if (full is null || full.IsPlatformAdmin || full.Grants.Any(g => g.TenantId != tenantId))
            return PlatformException.NotFound("account.not_found", "アカウント").ToProblem();
        delays.Clear(userName);
        return TypedResults.NoContent();
    }

    public static Ok<IReadOnlyList<Waiting>> ListDelays(SignInDelays delays, TimeProvider time) =>
        TypedResults.Ok(List(delays, time, null));

    public static NoContent ClearDelay(string userName, SignInDelays delays)
    {
        delays.Clear(userName);
        return TypedResults.NoContent();
    }

    /// <summary>The names among <paramref name="only"/> (all if null) with failures not yet forgotten, by
    /// name.</summary>
    public static IReadOnlyList<Waiting> List(SignInDelays delays, TimeProvider time, IReadOnlySet<string>? only)
    {
        var now = time.GetUtcNow();
        return delays
            .Names()
            .Where(e => only is null || only.Contains(e.Key))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new Waiting(
                e.Key,
                e.Value.Count,
                e.Value.Last,
                e.Value.NotBefore > now ? e.Value.NotBefore : null
            ))
            .ToList();
    }
}
