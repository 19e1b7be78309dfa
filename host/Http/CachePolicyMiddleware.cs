namespace Platform.Host.Http;

/// <summary>
/// Who may keep a copy of an answer. Almost everything the platform sends is about residents or staff and behind a
/// sign-in, so by default nothing may store it (<c>no-store</c>): not a shared proxy of the municipal network, not the
/// browser of a shared kiosk. Static assets (styles, modules' scripts) keep the static-file handler's validators, and a
/// tenant's anonymous public pages may be kept five minutes by anyone — except a published 概要, which is taken off as
/// soon as its meeting's record changes and must then not be served from a copy (<c>no-cache</c>: ask each time).
/// </summary>
public sealed class CachePolicyMiddleware(RequestDelegate next)
{
    private static readonly string[] StaticPrefixes = ["/css/", "/_content/"];

    public const string Public = "public, max-age=300";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (StaticPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
            return next(context);
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            response.Headers.CacheControl =
                !IsPublicPage(context) || response.StatusCode != StatusCodes.Status200OK ? "no-store"
                : path.Contains("/public/meetings", StringComparison.Ordinal) ? "no-cache"
                : Public;
            return Task.CompletedTask;
        });
        return next(context);
    }

    // /{tenant}/public/…: the anonymous pages a municipality links from its own site.
    private static bool IsPublicPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Path.Value?.Split('/', 4) is [_, { Length: > 0 }, "public", ..];
}
