using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Abstractions.Errors;
using Platform.Core.Accounts;
using Platform.Host.Errors;

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
        var authentication = services
            .AddAuthentication("platform")
            .AddPolicyScheme(
                "platform",
                "Bearer or cookie",
                o =>
                    o.ForwardDefaultSelector = context =>
                        context
                            .Request.Headers.Authorization.ToString()
                            .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        || (BearerHandler.IsFeed(context.Request) && context.Request.Query.ContainsKey("feed"))
                            ? BearerHandler.Name
                            : CookieAuthenticationDefaults.AuthenticationScheme
            )
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
            o.AddPolicy(
                SignInLimit,
                context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress(context) ?? "local",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = perMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }
                    )
            );
            o.OnRejected = (context, _) =>
                new ValueTask(
                    ProblemWriter.WriteAsync(
                        context.HttpContext,
                        new PlatformException(
                            429,
                            "auth.rate_limited",
                            "サインインの試行が多すぎます。",
                            "1分ほど待ってから、もう一度お試しください。"
                        )
                    )
                );
        });
        services.AddSingleton<UserRules>();
        services.AddHostedService<InitialAdministrator>();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapAuthApi();
        app.MapSignInPages();
    }

    public const string ExternalPasswordMessage =
        "自治体のIDでサインインしています。パスワードは自治体のIDの側で管理されているため、変更はその案内に従ってください。";

    /// <summary>The client's address: the proxy's forwarded one behind a configured reverse proxy
    /// (Http.ReverseProxy).</summary>
    internal static string? ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}

/// <summary>
/// On the first start of a platform without a platform administrator, creates one and writes its user name and password
/// to <c>Auth:InitialAdminFile</c> (default <c>data/initial-admin.txt</c>), once. The password is random unless
/// <c>Auth:InitialAdminPassword</c> gives it (tests do).
/// </summary>
public sealed partial class InitialAdministrator(
    AccountStore accounts,
    AccountRules rules,
    IConfiguration configuration,
    ILogger<InitialAdministrator> logger
) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.CountPlatformAdminsAsync(cancellationToken) > 0)
            return;
        var password =
            configuration["Auth:InitialAdminPassword"]
            ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        await rules.CreateAsync(
            "admin",
            "プラットフォーム管理者",
            password,
            platformAdmin: true,
            [],
            cancellationToken: cancellationToken
        );
        var file = Path.GetFullPath(
            configuration["Auth:InitialAdminFile"] ?? Path.Combine("data", "initial-admin.txt")
        );
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, $"admin\n{password}\n", cancellationToken);
        LogCreated(file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Created the platform administrator 'admin'; its password is in {File}. Keep it safe and delete the file."
    )]
    private partial void LogCreated(string file);
}
