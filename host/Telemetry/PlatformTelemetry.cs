using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Platform.Host.Telemetry;

/// <summary>
/// Metrics for Prometheus, off unless <c>Telemetry:Prometheus=true</c>: ASP.NET Core's (requests, their duration by
/// route and status, Kestrel's connections), Orleans' (<c>Microsoft.Orleans</c>: activations, messages, membership)
/// and the platform's own (<see cref="PlatformMetrics"/>), scraped at <c>/metrics</c>. Each host is scraped directly:
/// only from <c>Telemetry:ScrapeNetworks</c> (CIDR, comma-separated; loopback by default), and never through the
/// reverse proxy (a request that still carries <c>X-Forwarded-For</c>), whose clients could otherwise pass as the
/// proxy's own loopback address. Anyone else gets 404, as when the endpoint is off.
/// </summary>
public static class PlatformTelemetry
{
    public const string PrometheusKey = "Telemetry:Prometheus";
    public const string ScrapeNetworksKey = "Telemetry:ScrapeNetworks";
    public const string Path = "/metrics";

    /// <summary>The meters exported: ASP.NET Core's, Kestrel's, Orleans' and ours.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.Orleans",
        PlatformMetrics.MeterName,
    ];

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(PrometheusKey, false);

    public static void AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration))
            return;
        var networks = ScrapeNetworks(configuration);
        services.AddSingleton(new ScrapeNetworks(networks));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
    }

    /// <summary>First in the pipeline (before the exception handler, so that it sees every final status).</summary>
    public static void UsePlatformTelemetry(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (Enabled(configuration))
            app.UseMiddleware<PlatformMetricsMiddleware>();
    }

    public static void MapPlatformTelemetry(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!Enabled(configuration))
            return;
        var allowed = app.ServiceProvider.GetRequiredService<ScrapeNetworks>();
        app.MapPrometheusScrapingEndpoint(
                Path,
                meterProvider: null,
                configureBranchedPipeline: branch =>
                    branch.Use(
                        (context, next) =>
                        {
                            if (allowed.Admits(context))
                                return next(context);
                            context.Response.StatusCode = StatusCodes.Status404NotFound;
                            return Task.CompletedTask;
                        }
                    ),
                optionsName: null
            )
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static List<System.Net.IPNetwork> ScrapeNetworks(IConfiguration configuration)
    {
        var value = configuration[ScrapeNetworksKey] ?? "127.0.0.0/8,::1/128";
        try
        {
            return value
                .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(System.Net.IPNetwork.Parse)
                .ToList();
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"{ScrapeNetworksKey} の値「{value}」をアドレス範囲（CIDR、カンマ区切り）として読めません。",
                e
            );
        }
    }
}

/// <summary>Who may scrape <c>/metrics</c>: see <see cref="PlatformTelemetry"/>.</summary>
public sealed class ScrapeNetworks(IReadOnlyList<System.Net.IPNetwork> networks)
{
    public bool Admits(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded"))
            return false;
        // No address at all: not a network connection (the in-process test server).
        if (context.Connection.RemoteIpAddress is not { } address)
            return true;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }
}

/// <summary>
/// The platform's own meter, <c>Sasaeai.Platform</c>: entries recorded into meetings (agenda items, opinions,
/// comments acknowledged with 201, by <c>kind</c>) and requests refused with 503 (the database or the cluster
/// unavailable, by method), which the recorders' pages retry.
/// </summary>
public static class PlatformMetrics
{
    public const string MeterName = "Sasaeai.Platform";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> RecordedEntries = Meter.CreateCounter<long>(
        "sasaeai.record.entries",
        "{entry}",
        "Entries recorded into meetings (agenda items, opinions, comments)"
    );

    public static readonly Counter<long> Unavailable = Meter.CreateCounter<long>(
        "sasaeai.requests.unavailable",
        "{request}",
        "Requests answered 503 (database or cluster unavailable)"
    );

    private const string MeetingRoutes = "/{tenant}/api/meetings/{meetingId}/";

    /// <summary>The kind of entry a recording route adds (<c>opinions</c> …), or null for any other route.</summary>
    public static string? RecordedKind(string? route) =>
        route is not null
        && route.StartsWith(MeetingRoutes, StringComparison.Ordinal)
        && route[MeetingRoutes.Length..] is "agenda" or "opinions" or "comments"
            ? route[MeetingRoutes.Length..]
            : null;
}

/// <summary>Counts, after each request, what <see cref="PlatformMetrics"/> measures.</summary>
public sealed class PlatformMetricsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status503ServiceUnavailable)
            PlatformMetrics.Unavailable.Add(1, new KeyValuePair<string, object?>("method", context.Request.Method));
        else if (
            status == StatusCodes.Status201Created
            && PlatformMetrics.RecordedKind((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText) is { } kind
        )
            PlatformMetrics.RecordedEntries.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }
}
