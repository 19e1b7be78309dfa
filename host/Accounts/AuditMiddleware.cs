using Platform.Core.Accounts;
using Platform.Core.Audit;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Host.Accounts;

/// <summary>
/// Records every accepted change to a tenant (a write answered below 400) with the account that made it, after the
/// change and before the answer is complete: bodies, meetings, minutes approval, module switches and settings, imports.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditLog audit)
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || context.Response.StatusCode >= 400) return;
        if (context.Features.Get<TenantFeature>() is not { } place || context.Account() is not { } account) return;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        await audit.WriteAsync(place.Tenant.Id, new AuditEntry(Clock.Now(), account.UserName, context.Request.Method, route,
            context.Request.Path + context.Request.QueryString, context.Response.StatusCode), CancellationToken.None);
    }
}
