using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Testing;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port, standing in for a municipality's own: it
/// publishes discovery and signing keys, issues authorization codes with PKCE, and signs ID tokens. It keeps no
/// database (OpenIddict's degraded mode), so this class checks the client and its redirect itself. Whoever
/// <see cref="SignedIn"/> names is the person signed in at the provider; null makes it refuse (access_denied).
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "sasaeai";
    public const string ClientSecret = "local-provider-secret";

    private readonly WebApplication _app;

    private LocalIdentityProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The person signed in at the provider: the subject it never reassigns, and the name it shows.</summary>
    public (string Subject, string UserName)? SignedIn { get; set; }

    /// <summary>The host arguments that make <paramref name="tenantId"/> sign in through this provider.</summary>
    public string[] HostArguments(string tenantId, string displayName) =>
        [
            $"--Auth:Oidc:{tenantId}:Authority={Authority}",
            $"--Auth:Oidc:{tenantId}:ClientId={ClientId}",
            $"--Auth:Oidc:{tenantId}:ClientSecret={ClientSecret}",
            $"--Auth:Oidc:{tenantId}:DisplayName={displayName}",
            $"--Auth:Oidc:{tenantId}:RequireHttpsMetadata=false",
        ];

    public static async Task<LocalIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        LocalIdentityProvider? provider = null;
        builder
            .Services.AddOpenIddict()
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.EnableDegradedMode();
                o.UseAspNetCore().DisableTransportSecurityRequirement();
                o.AddEventHandler<ValidateAuthorizationRequestContext>(b =>
                    b.UseInlineHandler(context =>
                    {
                        if (context.ClientId != ClientId)
                            context.Reject(Errors.InvalidClient, "unknown client");
                        else if (
                            context.RedirectUri is not { } uri
                            || !new Uri(uri).AbsolutePath.EndsWith("/signin-oidc", StringComparison.Ordinal)
                        )
                            context.Reject(Errors.InvalidRequest, "unregistered redirect_uri");
                        return default;
                    })
                );
                o.AddEventHandler<ValidateTokenRequestContext>(b =>
                    b.UseInlineHandler(context =>
                    {
                        if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                            context.Reject(Errors.InvalidClient, "wrong client credentials");
                        return default;
                    })
                );
                o.AddEventHandler<HandleAuthorizationRequestContext>(b =>
                    b.UseInlineHandler(async context =>
                    {
                        if (context.Request[Confirmed] is null)
                        {
                            await WriteConfirmationPageAsync(context);
                            return;
                        }
                        if (provider!.SignedIn is not { } person)
                        {
                            context.Reject(Errors.AccessDenied, "nobody is signed in at the provider");
                            return;
                        }
                        var identity = new ClaimsIdentity(
                            TokenValidationParameters.DefaultAuthenticationType,
                            Claims.Name,
                            Claims.Role
                        );
                        identity
                            .SetClaim(Claims.Subject, person.Subject)
                            .SetClaim(Claims.PreferredUsername, person.UserName)
                            .SetClaim(Claims.Name, person.UserName);
                        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
                        var principal = new ClaimsPrincipal(identity);
                        principal.SetScopes(context.Request.GetScopes());
                        context.SignIn(principal);
                    })
                );
            });
        var app = builder.Build();
        provider = new LocalIdentityProvider(app);
        await app.StartAsync();
        // Named "localhost" while the platform is 127.0.0.1: to a browser these are two sites, as a municipality's
        // provider and the platform are, so the cookies cross sites the way they do in a real sign-in.
        var port = new Uri(
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        ).Port;
        provider.Authority = $"http://localhost:{port}/";
        return provider;
    }

    /// <summary>Set by the provider's own page when the person confirms: a real provider's page asks for a password
    /// here.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>
    /// The provider's page, on which the person presses サインイン: from then on the navigation is the provider's, as in
    /// a real sign-in, and the platform is reached from another site.
    /// </summary>
    private static async Task WriteConfirmationPageAsync(HandleAuthorizationRequestContext context)
    {
        var fields = string.Concat(
            context
                .Request.GetParameters()
                .Select(p =>
                    $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode((string?)p.Value)}\">"
                )
        );
        var response = context.Transaction.GetHttpRequest()!.HttpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"ja\"><title>テスト用IDプロバイダー</title><form method=\"get\" action=\"/connect/authorize\">"
                + $"{fields}<input type=\"hidden\" name=\"{Confirmed}\" value=\"1\"><button>IDプロバイダーにサインイン</button></form></html>"
        );
        context.HandleRequest();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
