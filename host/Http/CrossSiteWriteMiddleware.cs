using Microsoft.AspNetCore.Antiforgery;
using Platform.Abstractions.Errors;

namespace Platform.Host.Http;

/// <summary>
/// Refuses a write (POST, PUT, PATCH, DELETE) that another site's page made the browser send. SameSite=Strict already
/// keeps the session cookie off such requests in today's browsers; this is the second line, and it also covers
/// anonymous writes such as the sign-in form (signing a person into the attacker's account).
/// A write is the platform's own when the browser says so (<c>Sec-Fetch-Site: same-origin</c>, or <c>none</c> for one
/// the person typed), or, from browsers that send no Sec-Fetch-Site (older ones, and Chromium over plain HTTP on a
/// LAN address), when its <c>Origin</c> is this host's. What the browser says is final.
/// A write with neither header comes from a script, not a browser: it passes without the session cookie (a bearer
/// token, or signing in for one), and with the cookie only with a valid anti-forgery token. Bearer-token calls pass: a
/// browser never adds that header by itself.
/// </summary>
public sealed class CrossSiteWriteMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await AcceptedAsync(context, antiforgery))
            throw new PlatformException(
                403,
                "request.cross_site",
                "別のサイトからの送信は受け付けられません。",
                "このプラットフォームの画面から操作してください。スクリプトから使う場合は、POST /api/auth/token で得たトークンを Authorization: Bearer で送ってください。"
            );
        await next(context);
    }

    private static async Task<bool> AcceptedAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        if (
            HttpMethods.IsGet(request.Method)
            || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method)
        )
            return true;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return true;
        if (IsOwn(request) is { } own)
            return own;
        return !request.Cookies.ContainsKey(Accounts.AccountEndpoints.CookieName)
            || await antiforgery.IsRequestValidAsync(context);
    }

    /// <summary>Whether the browser says the request came from this origin; null when it says nothing.</summary>
    private static bool? IsOwn(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
            return site is "same-origin" or "none";
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin)
            return string.Equals(
                origin,
                $"{request.Scheme}://{request.Host.Value}",
                StringComparison.OrdinalIgnoreCase
            );
        return null;
    }
}
