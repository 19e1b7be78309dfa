using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Core.Accounts;

namespace Platform.Host.Accounts;

/// <summary>Signs in scripts by <c>Authorization: Bearer &lt;token&gt;</c>, a token from <c>POST
/// /api/auth/token</c>.</summary>
public sealed class BearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountStore accounts
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Bearer";

    /// <summary>Calendar feeds: read with a feed token in <c>?feed=</c>, which calendar applications can
    /// keep.</summary>
    public static bool IsFeed(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value?.EndsWith(".ics", StringComparison.Ordinal) == true;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        string token;
        bool inUrl;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            (token, inUrl) = (header["Bearer ".Length..].Trim(), false);
        else if (IsFeed(Request) && Request.Query["feed"].ToString() is { Length: > 0 } feed)
            (token, inUrl) = (feed, true);
        else
            return AuthenticateResult.NoResult();
        // A feed token opens calendar feeds and nothing else, and only a feed token may travel in a URL.
        var feedToken = token.StartsWith(AccountStore.FeedPrefix, StringComparison.Ordinal);
        if ((feedToken && !IsFeed(Request)) || (inUrl && !feedToken))
            return AuthenticateResult.Fail("token used outside its scope");
        var account = await accounts.FindByTokenAsync(token, Context.RequestAborted);
        if (account is null)
            return AuthenticateResult.Fail("unknown or expired token");
        Context.SetAccount(account);
        return AuthenticateResult.Success(new AuthenticationTicket(SessionPrincipal.For(account, Name), Name));
    }
}
