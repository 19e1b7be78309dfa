using Microsoft.AspNetCore.Authorization;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Tenancy;

namespace Platform.Host.Accounts;

/// <summary>
/// Lets a request through only with a role that holds the permission stated beside its route (<see
/// cref="RequiredPermission"/>) in the request's tenant and, for a grant limited to one district, in the route's
/// district (named, or that of the meeting or body it names). Anonymous: 401 for the API, the sign-in page for a
/// browser. An account with nothing in the tenant: 404, as for an unknown tenant. Routes marked anonymous (the public
/// resource page, sign-in, health) pass.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccountStore accounts, MeetingStore meetings, BodyStore bodies)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        // A bearer token's account was loaded to authenticate it; a cookie carries only the account's id.
        var account = context.Account();
        account ??= await SessionPrincipal.AccountAsync(context.User, accounts, context.RequestAborted);
        if (account is null)
        {
            if (
                context.Request.Method == "GET"
                && !context.Request.Path.Value!.Contains("/api/", StringComparison.Ordinal)
                && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
            )
            {
                context.Response.Redirect(
                    $"/signin?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}"
                );
                return;
            }
            throw new PlatformException(
                401,
                "auth.required",
                "サインインが必要です。",
                "POST /api/auth/token で得たトークンを Authorization: Bearer で送るか、画面からサインインしてください。"
            );
        }
        context.SetAccount(account);
        var place = context.Features.Get<TenantFeature>();
        if (place is null)
        {
            // Host-level routes other than the anonymous ones and the signed-in user's own (feed tokens, password) are
            // the platform administrator's.
            var hostRoute = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "";
            if (
                !account.IsPlatformAdmin
                && hostRoute.StartsWith("/api/", StringComparison.Ordinal)
                && hostRoute is not ("/api/auth/feed-token" or "/api/auth/password")
            )
                throw Forbidden(null);
            await next(context);
            return;
        }
        if (!account.Knows(place.Tenant.Id))
            throw PlatformException.NotFound("tenant.not_found", "テナント");
        // The permission stated beside the route (the route's own over its group's); a route that states none is
        // refused.
        var permission =
            endpoint.Metadata.GetOrderedMetadata<RequiredPermission>().LastOrDefault()?.For(context.Request.Method)
            ?? throw new PlatformException(
                403,
                "auth.undeclared",
                "この操作の権限が定められていません。",
                "この画面・APIには必要な権限が宣言されていないため、使えません。モジュールの提供元に連絡してください。"
            );
        var required = (Role)permission.Role;
        // The route's district matters only to an account whose tenant-wide role is not enough: look it up for those
        // alone.
        if (account.RoleIn(place.Tenant.Id, place.District?.Id) is not { } role || role < required)
        {
            var district = place.District?.Id ?? await DistrictOfRouteAsync(context, place.Tenant.Id, meetings, bodies);
            if (account.RoleIn(place.Tenant.Id, district) is not { } inDistrict || inDistrict < required)
                throw Forbidden(required);
        }
        await next(context);
    }

    private static async Task<string?> DistrictOfRouteAsync(
        HttpContext context,
        string tenantId,
        MeetingStore meetings,
        BodyStore bodies
    )
    {
        var bodyId = context.GetRouteValue("bodyId") as string;
        if (
            context.GetRouteValue("meetingId") is string meetingId
            && await meetings.FindAsync(tenantId, meetingId, context.RequestAborted) is { } meeting
        )
            bodyId = meeting.BodyId;
        return bodyId is null ? null : (await bodies.FindAsync(tenantId, bodyId, context.RequestAborted))?.DistrictId;
    }

    private static PlatformException Forbidden(Role? required) =>
        new(
            403,
            "auth.forbidden",
            "この操作の権限がありません。",
            required is { } r
                ? $"「{Account.Japanese(r)}」以上の権限が必要です。管理者に権限の付与を依頼してください。"
                : "プラットフォーム管理者だけが使えます。"
        );
}
