using Microsoft.AspNetCore.Http.Features;
using Platform.Core.Accounts;
using Platform.Core.Audit;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Host.Accounts;

/// <summary>
/// Records every accepted change to a tenant (a write answered below 400) with the account that made it: bodies,
/// meetings, records, minutes approval, module switches and settings, imports. The row is written in the change's own
/// transaction where the change commits through <see cref="Database.InTransactionAsync"/> or the meeting grain's batch
/// (<see cref="PendingAudit"/>); otherwise here, after the change. Either way the answer is held back until the row is
/// written, so that no caller is told a change succeeded that the audit log does not show.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditLog audit)
    {
        if (
            HttpMethods.IsGet(context.Request.Method)
            || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method)
            || context.Features.Get<TenantFeature>() is not { } place
            || context.Account() is not { } account
        )
        {
            await next(context);
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var entry = new AuditEntry(
            Clock.Now(),
            account.UserName,
            context.Request.Method,
            route,
            context.Request.Path + context.Request.QueryString,
            StatusCodes.Status200OK
        );
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer, original));
        try
        {
            PendingAudit pending;
            using (PendingAudit.Begin(place.Tenant.Id, entry))
            {
                await next(context);
                pending = PendingAudit.Current!;
            }
            if (context.Response.StatusCode < 400 && !pending.Written)
                await audit.WriteAsync(
                    place.Tenant.Id,
                    entry with
                    {
                        Status = context.Response.StatusCode,
                    },
                    CancellationToken.None
                );
        }
        finally
        {
            context.Features.Set(original);
        }
        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original.Stream, context.RequestAborted);
        }
    }
}
