using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Modules;

namespace Platform.Host.Tests.HostileInput;

/// <summary>One write route of the running host, as its endpoint data source knows it.</summary>
public sealed record WriteRoute(string Method, string Pattern, RouteEndpoint Endpoint)
{
    /// <summary>The module that maps it, if a module does: the route is then called in a tenant that has the module
    /// on.</summary>
    public string? ModuleId => Endpoint.Metadata.GetMetadata<ModuleEndpointMetadata>()?.Module.Id;

    /// <summary>The type of the JSON body the handler binds, when it binds one.</summary>
    public Type? BodyType => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    public IEnumerable<string> Parameters => Endpoint.RoutePattern.Parameters.Select(p => p.Name);

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Every POST, PUT, PATCH and DELETE the host maps, read from the app itself so that a new route is covered
/// without a change here.</summary>
public static class WriteRoutes
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Routes that generated bodies need not get through to: they are still sent every case and judged, but are not
    /// required to answer anything past 401/403/404/405. Each with why; keep it short.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotReached = new Dictionary<string, string>
    {
        // Its form is checked against an anti-forgery token that only the sign-in page hands out; anything but that
        // form matches no sign-in endpoint and is refused as an anonymous call (401).
        ["POST /signin"] = "the sign-in page's own form, anti-forgery protected",
    };

    public static IReadOnlyList<WriteRoute> All(IServiceProvider services) =>
        services
            .GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
                (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                    .Where(m => WriteMethods.Contains(m))
                    .Select(m => new WriteRoute(m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e))
            )
            .OrderBy(Late)
            .ThenBy(r => r.Pattern, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    // All routes share one host and its demo data, so the ones that take something away run last: a meeting's status,
    // publication, retention, consent withdrawn and modules switched off would otherwise turn the routes after them
    // into refusals that never reach their validation.
    private static int Late(WriteRoute route) =>
        route.Method == "DELETE" ? 3
        : route.Pattern.Contains("/modules/", StringComparison.Ordinal) ? 2
        : new[] { "/status", "/publication", "/retention", "/withdraw" }.Any(p =>
            route.Pattern.Contains(p, StringComparison.Ordinal)
        )
            ? 1
        : 0;
}
