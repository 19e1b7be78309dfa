using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Core.Accounts;

namespace Platform.Host.Accounts;

/// <summary>A bearer token, shown once.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>A calendar feed token, shown once, with how to use it.</summary>
public sealed record IssuedFeedToken(string Token, DateTimeOffset ExpiresAt, string Usage);

/// <summary>The answer to a password change.</summary>
public sealed record PasswordChanged(bool Changed);

/// <summary>What the password handler uses, bound as one parameter.</summary>
public sealed record PasswordServices(AccountStore Accounts, AccountRules Rules);

/// <summary><c>/api/auth</c>: tokens for scripts and calendar applications, and changing one's own password.</summary>
public static class AuthApi
{
    public const string FeedTokenUsage = "カレンダーのURLの末尾に ?feed=<token> を付けて購読してください。";

    // Mapped on the host one by one, not as a group: the access check knows feed-token and password by their paths.
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(AccountEndpoints.SignInLimit)
            .WithTags("Auth")
            .Describe("issueToken", "トークンを発行", "Issue a bearer token")
            .Refuses(401, "auth.invalid_credentials")
            .Refuses(429, "auth.retry_later", "auth.rate_limited");
        app.MapPost("/api/auth/feed-token", IssueFeedToken)
            .WithTags("Auth")
            .Describe("issueFeedToken", "カレンダー購読用のトークンを発行", "Issue a calendar feed token")
            .Refuses(401, "auth.required");
        app.MapPost("/api/auth/password", ChangePassword)
            .RequireRateLimiting(AccountEndpoints.SignInLimit)
            .WithTags("Auth")
            .Describe("changePassword", "自分のパスワードを変更", "Change one's own password")
            .Refuses(
                400,
                "validation.failed",
                "account.current_password_required",
                "account.weak_password",
                "account.wrong_password"
            )
            .Refuses(401, "auth.required")
            .Refuses(409, "account.external_session")
            .Refuses(429, "auth.retry_later", "auth.rate_limited");
    }

    public static async Task<Ok<IssuedToken>> IssueToken(
        TokenRequest request,
        ClientAddress client,
        AccountStore accounts,
        CancellationToken cancellationToken
    )
    {
        var account = await accounts.SignInAsync(request.UserName, request.Password, client.Address, cancellationToken);
        var (token, expiresAt) = await accounts.IssueTokenAsync(account, cancellationToken);
        return TypedResults.Ok(new IssuedToken(token, expiresAt));
    }

    public static async Task<Ok<IssuedFeedToken>> IssueFeedToken(
        SignedInAccount signedIn,
        AccountStore accounts,
        CancellationToken cancellationToken
    )
    {
        var (token, expiresAt) = await accounts.IssueFeedTokenAsync(signedIn.Account, cancellationToken);
        return TypedResults.Ok(new IssuedFeedToken(token, expiresAt, FeedTokenUsage));
    }

    public static async Task<Results<Ok<PasswordChanged>, ProblemHttpResult>> ChangePassword(
        SignedInAccount signedIn,
        PasswordChange input,
        [AsParameters] PasswordServices services,
        CancellationToken cancellationToken
    )
    {
        var account = signedIn.Account;
        if (account.OnlyTenant is not null)
            return new PlatformException(
                409,
                "account.external_session",
                "パスワードは変更できません。",
                AccountEndpoints.ExternalPasswordMessage
            ).ToProblem();
        var refusal = await services.Rules.CheckPasswordChangeAsync(
            account,
            input.CurrentPassword,
            input.NewPassword,
            cancellationToken
        );
        if (refusal.Any)
            return refusal.ToProblem();
        await services.Accounts.ChangePasswordAsync(account, input.NewPassword!, cancellationToken);
        return TypedResults.Ok(new PasswordChanged(true));
    }
}
