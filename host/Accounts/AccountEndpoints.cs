using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Abstractions.Errors;
using Platform.Core.Accounts;
using Platform.Host.Errors;
using Platform.Host.Http;

namespace Platform.Host.Accounts;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>Signing in: a bearer token for scripts (API.md), and the sign-in page with a cookie for people.</summary>
public static class AccountEndpoints
{
    public const string SignInLimit = "sign-in";

    public const string CookieName = "sasaeai";

    public static void AddPlatformAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var authentication = services.AddAuthentication("platform")
            .AddPolicyScheme("platform", "Bearer or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
                (BearerHandler.IsFeed(context.Request) && context.Request.Query.ContainsKey("feed"))
                    ? BearerHandler.Name
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(BearerHandler.Name, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.LoginPath = "/signin";
            });
        authentication.AddExternalSignIn(services, configuration);
        var perMinute = configuration.GetValue("Auth:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context) ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) => new ValueTask(ProblemWriter.WriteAsync(context.HttpContext, new PlatformException(429, "auth.rate_limited",
                "サインインの試行が多すぎます。", "1分ほど待ってから、もう一度お試しください。")));
        });
        services.AddHostedService<InitialAdministrator>();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest request, AccountStore accounts, HttpContext http) =>
        {
            var account = await accounts.SignInAsync(request.UserName, request.Password, ClientAddress(http), http.RequestAborted);
            var (token, expiresAt) = await accounts.IssueTokenAsync(account, http.RequestAborted);
            return Results.Ok(new { token, expiresAt });
        }).AllowAnonymous().RequireRateLimiting(SignInLimit).WithTags("Auth");

        app.MapPost("/api/auth/feed-token", async (HttpContext http, AccountStore accounts) =>
        {
            var account = http.RequiredAccount();
            var (token, expiresAt) = await accounts.IssueFeedTokenAsync(account, http.RequestAborted);
            return Results.Ok(new { token, expiresAt, usage = "カレンダーのURLの末尾に ?feed=<token> を付けて購読してください。" });
        }).WithTags("Auth");

        app.MapPost("/api/auth/password", async (HttpContext http, PasswordChange input, AccountStore accounts) =>
        {
            var account = http.RequiredAccount();
            if (account.OnlyTenant is not null) throw new PlatformException(409, "account.external_session", "パスワードは変更できません。", ExternalPasswordMessage);
            await accounts.ChangePasswordAsync(account, input.CurrentPassword, input.NewPassword, http.RequestAborted);
            return Results.Ok(new { changed = true });
        }).RequireRateLimiting(SignInLimit).WithTags("Auth");
        app.MapGet("/account/password", (HttpContext http, bool? done) => new RazorComponentResult<PasswordPage>(new
        {
            Done = done == true,
            External = http.Account()?.OnlyTenant is not null,
        })).ExcludeFromDescription();

        app.MapGet("/signin", (string? returnUrl, string? failure, IdentityProviders providers) =>
            new RazorComponentResult<SignInPage>(new
            {
                ReturnUrl = LocalUrl.Checked(returnUrl),
                Error = failure is not null && ExternalSignIn.Failures.TryGetValue(failure, out var message) ? message : null,
                Providers = ProvidersFor(providers, returnUrl),
            })).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, AccountStore accounts, IdentityProviders providers, HttpContext http) =>
        {
            try
            {
                var account = await accounts.SignInAsync(userName, password, ClientAddress(http), http.RequestAborted);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(account, CookieAuthenticationDefaults.AuthenticationScheme));
                return Results.Redirect(LocalUrl.OrDefault(returnUrl, Home(account)));
            }
            catch (PlatformException problem) when (problem.Status is 401 or 429)
            {
                // The page again, with the message, under the problem's status (and Retry-After when told to wait).
                http.Response.StatusCode = problem.Status;
                ProblemWriter.AddRetryAfter(http, problem);
                return new RazorComponentResult<SignInPage>(new
                {
                    ReturnUrl = LocalUrl.Checked(returnUrl),
                    Error = problem.Detail is null ? problem.Title : $"{problem.Title}{problem.Detail}",
                    UserName = userName,
                    Providers = ProvidersFor(providers, returnUrl),
                });
            }
        }).AllowAnonymous().RequireRateLimiting(SignInLimit).ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public const string ExternalPasswordMessage = "自治体のIDでサインインしています。パスワードは自治体のIDの側で管理されているため、変更はその案内に従ってください。";

    /// <summary>The identity providers to offer: the one of the tenant the person is heading for, or all of them.</summary>
    private static IReadOnlyList<(string TenantId, string DisplayName)> ProvidersFor(IdentityProviders providers, string? returnUrl)
    {
        var all = providers.ByTenant.Select(p => (TenantId: p.Key, p.Value.DisplayName)).OrderBy(p => p.TenantId, StringComparer.Ordinal).ToList();
        var heading = LocalUrl.Checked(returnUrl)?.Split('/', 3)[1];
        return all.Any(p => p.TenantId == heading) ? all.Where(p => p.TenantId == heading).ToList() : all;
    }

    /// <summary>The client's address: the proxy's forwarded one behind a configured reverse proxy (Http.ReverseProxy).</summary>
    internal static string? ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static string Home(Account account) => account.Grants.FirstOrDefault() is { } g ? $"/{g.TenantId}/" : "/aomori/";
}

/// <summary>
/// On the first start of a platform without a platform administrator, creates one and writes its user name and password
/// to <c>Auth:InitialAdminFile</c> (default <c>data/initial-admin.txt</c>), once. The password is random unless
/// <c>Auth:InitialAdminPassword</c> gives it (tests do).
/// </summary>
public sealed partial class InitialAdministrator(AccountStore accounts, IConfiguration configuration, ILogger<InitialAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.CountPlatformAdminsAsync(cancellationToken) > 0) return;
        var password = configuration["Auth:InitialAdminPassword"] ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        await accounts.CreateAsync("admin", "プラットフォーム管理者", password, platformAdmin: true, [], cancellationToken: cancellationToken);
        var file = Path.GetFullPath(configuration["Auth:InitialAdminFile"] ?? Path.Combine("data", "initial-admin.txt"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, $"admin\n{password}\n", cancellationToken);
        LogCreated(file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the platform administrator 'admin'; its password is in {File}. Keep it safe and delete the file.")]
    private partial void LogCreated(string file);
}
