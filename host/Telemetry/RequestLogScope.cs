using System.Collections;

namespace Platform.Host.Telemetry;

/// <summary>
/// The tenant and the meeting of a request, as a logging scope (<c>TenantId</c>, <c>MeetingId</c>) around everything
/// logged while it is served. The scope is begun before the exception handler, empty, and named once the tenant
/// middleware has found the tenant, so that the lines written about a failure (the unhandled exception, the database
/// being down) carry them too, although they are written after the tenant's part of the pipeline has unwound.
/// </summary>
public sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private KeyValuePair<string, object?>[] _items = [];

    public string? TenantId { get; private set; }

    public string? MeetingId { get; private set; }

    /// <summary>Names the request's tenant and, on a meeting's route, its meeting.</summary>
    public void Name(string tenantId, string? meetingId)
    {
        TenantId = tenantId;
        MeetingId = meetingId;
        _items = meetingId is null
            ? [new("TenantId", tenantId)]
            : [new("TenantId", tenantId), new("MeetingId", meetingId)];
    }

    public int Count => _items.Length;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What the plain console shows with scopes on: <c>TenantId:aomori MeetingId:…</c>.</summary>
    public override string ToString() => string.Join(" ", _items.Select(i => $"{i.Key}:{i.Value}"));
}

/// <summary>Begins each request's <see cref="RequestLogScope"/>; the tenant middleware names it.</summary>
public sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var scope = new RequestLogScope();
        context.Features.Set(scope);
        using (logger.BeginScope(scope))
            await next(context);
    }
}
