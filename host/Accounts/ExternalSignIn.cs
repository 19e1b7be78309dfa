using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Audit;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Host.Http;

namespace Platform.Host.Accounts;

/// <summary>A tenant's own identity provider, from <c>Auth:Oidc:{tenant}</c> (see README, "Signing in with the
/// municipality's ID").</summary>
public sealed class IdentityProvider
{
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says, e.g. 青森市職員ID.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The ID-token claim holding the name the tenant admin registers (<c>preferred_username</c>, or
    /// <c>email</c>).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Off only for a provider on a test machine's loopback address: real ones publish their metadata over
    /// HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>What the page between the identity provider and the platform shows: where it moves on to.</summary>
public sealed record SignInContinueModel(string Next);

/// <summary>The tenants that sign in through their own identity provider, by tenant id.</summary>
public sealed record IdentityProviders(IReadOnlyDictionary<string, IdentityProvider> ByTenant);

/// <summary>
/// OpenID Connect sign-in per tenant: one authorization-code scheme (with PKCE) per configured tenant. The provider
/// vouches for a person; the platform decides what they may do: the person must have an account the tenant admin
/// registered with the provider's name for them, and the session holds that tenant's grants only.
/// </summary>
public static partial class ExternalSignIn
{
    public static string Scheme(string tenantId) => $"oidc-{tenantId}";

    public static void AddExternalSignIn(
        this AuthenticationBuilder authentication,
        IServiceCollection services,
        IConfiguration configuration
    )
    {
        var providers = new Dictionary<string, IdentityProvider>();
        foreach (var section in configuration.GetSection("Auth:Oidc").GetChildren())
        {
            var provider = section.Get<IdentityProvider>() ?? new IdentityProvider();
            // Checked here, at start: the handler checks these on every request, so a mistake would stop the whole
            // platform.
            if (
                !Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority)
                || string.IsNullOrWhiteSpace(provider.ClientId)
            )
                throw new InvalidOperationException(
                    $"Auth:Oidc:{section.Key} needs Authority (an absolute URL) and ClientId."
                );
            if (authority.Scheme != Uri.UriSchemeHttps && provider.RequireHttpsMetadata)
                throw new InvalidOperationException(
                    $"Auth:Oidc:{section.Key}:Authority must use https (RequireHttpsMetadata=false is for a test provider on this machine)."
                );
            if (string.IsNullOrWhiteSpace(provider.DisplayName))
                provider.DisplayName = "自治体のID";
            providers[section.Key] = provider;
            authentication.AddOpenIdConnect(
                Scheme(section.Key),
                provider.DisplayName,
                o => Configure(o, section.Key, provider)
            );
        }
        services.AddSingleton(new IdentityProviders(providers));
    }

    private static void Configure(OpenIdConnectOptions o, string tenantId, IdentityProvider provider)
    {
        o.Authority = provider.Authority;
        o.ClientId = provider.ClientId;
        o.ClientSecret = provider.ClientSecret;
        o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        // The answer comes back as a top-level GET, which carries SameSite=Lax cookies; a cross-site form post would
        // not.
        o.ResponseMode = "query";
        // Under the tenant's path, so that a tenant on a host name of its own gets its callback too.
        o.CallbackPath = $"/{tenantId}/signin-oidc";
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.MapInboundClaims = false;
        o.DisableTelemetry = true;
        o.Scope.Add("email");
        o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Events.OnTokenValidated = async context =>
        {
            var subject = context.Principal?.FindFirstValue("sub");
            if (subject is null)
            {
                context.Fail("auth.external_failed");
                return;
            }
            var services = context.HttpContext.RequestServices;
            var name = context.Principal!.FindFirstValue(provider.UserNameClaim);
            // The tenant admin sees who came in through the provider, and who was turned away, in the audit log.
            Task AuditAsync(string who, string action, string what) =>
                services
                    .GetRequiredService<AuditLog>()
                    .WriteAsync(
                        tenantId,
                        new AuditEntry(Clock.Now(), who, action, what, context.Request.Path, 200),
                        context.HttpContext.RequestAborted
                    );
            try
            {
                var account = await services
                    .GetRequiredService<AccountStore>()
                    .SignInExternalAsync(tenantId, subject, name, context.HttpContext.RequestAborted);
                context.Principal = SessionPrincipal.For(account, CookieAuthenticationDefaults.AuthenticationScheme);
                await AuditAsync(account.UserName, "signin", $"{provider.DisplayName} {name}");
            }
            catch (PlatformException refused)
            {
                await AuditAsync(name ?? subject, "signin_refused", $"{provider.DisplayName} {refused.Code}");
                context.Fail(refused.Code);
            }
        };
        // Whatever went wrong (refused by us, or an error from the provider), the person lands on the sign-in page with
        // a known message: never the provider's own text, which the query string could forge.
        o.Events.OnRemoteFailure = context =>
        {
            var code = context.Failure?.Message is { } m && Failures.ContainsKey(m) ? m : "auth.external_failed";
            context.Response.Redirect($"/signin?failure={code}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    public static readonly IReadOnlyDictionary<string, string> Failures = new Dictionary<string, string>
    {
        ["auth.external_not_registered"] =
            "本人確認はできましたが、このIDはプラットフォームに登録されていません。テナント管理者に、利用者一覧で外部IDの登録を依頼してください。",
        ["auth.external_subject_mismatch"] =
            "このIDの名前は、別の人のものとして登録されています。同じ名前が別の人に割り当てられた可能性があります。テナント管理者に確認してください。",
        ["auth.provider_unreachable"] =
            "自治体のIDプロバイダーに接続できませんでした。しばらくしてからお試しいただくか、ユーザー名とパスワードでサインインしてください。",
        ["auth.external_failed"] =
            "自治体のIDでのサインインが完了しませんでした。もう一度お試しください。続く場合は管理者に連絡してください。",
    };

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/signin/external", ChallengeAsync).AllowAnonymous().ExcludeFromDescription();

        // The provider's redirect starts a cross-site chain, which does not carry the SameSite=Strict session cookie;
        // this page moves on with a navigation of the platform's own, which does.
        tenant.MapGet("/signin/continue", ContinuePage).AllowAnonymous().ExcludeFromDescription();
    }

    // Hands the request over to the provider's sign-in: the challenge writes the redirect on the response itself.
    public static async Task ChallengeAsync(
        HttpContext http,
        ITenantContext tenant,
        IdentityProviders providers,
        string? returnUrl,
        ILogger<IdentityProviders> log
    )
    {
        var tenantId = tenant.Tenant.Id;
        if (!providers.ByTenant.ContainsKey(tenantId))
            throw new PlatformException(
                404,
                "auth.no_identity_provider",
                "このテナントには自治体のIDでのサインインが設定されていません。",
                "ユーザー名とパスワードでサインインしてください。"
            );
        var next = LocalUrl.OrDefault(returnUrl, $"/{tenantId}/");
        try
        {
            await http.ChallengeAsync(
                Scheme(tenantId),
                new AuthenticationProperties
                {
                    RedirectUri = $"/{tenantId}/signin/continue?returnUrl={Uri.EscapeDataString(next)}",
                }
            );
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            // The provider's metadata could not be read: nothing was sent yet, so one can still sign in otherwise.
            LogUnreachable(log, tenantId, e);
            http.Response.Redirect("/signin?failure=auth.provider_unreachable");
        }
    }

    public static RazorComponentResult<SignInContinuePage> ContinuePage(ITenantContext tenant, string? returnUrl) =>
        PageResult.For<SignInContinuePage, SignInContinueModel>(
            new SignInContinueModel(LocalUrl.OrDefault(returnUrl, $"/{tenant.Tenant.Id}/"))
        );

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider of tenant {Tenant} could not be reached")]
    private static partial void LogUnreachable(ILogger logger, string tenant, Exception exception);
}
