using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Host.Http;

/// <summary>
/// Behind a TLS-terminating reverse proxy the connection comes from the proxy, over plain HTTP: the client's address
/// (for the per-address sign-in limits), the scheme (for HSTS and the cookie's Secure flag) and the host name are in
/// the proxy's X-Forwarded-For/Proto/Host headers. Those are believed only from the proxies named in
/// <c>Proxy:KnownNetworks</c> (CIDR, comma-separated) or <c>Proxy:KnownProxies</c> (addresses); with neither, they are
/// ignored, so that a client cannot claim another address.
/// </summary>
public static class ReverseProxy
{
    public static void AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = List(configuration["Proxy:KnownNetworks"]).Select(System.Net.IPNetwork.Parse).ToList();
        var proxies = List(configuration["Proxy:KnownProxies"]).Select(IPAddress.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders =
                networks.Count + proxies.Count == 0
                    ? ForwardedHeaders.None
                    : ForwardedHeaders.XForwardedFor
                        | ForwardedHeaders.XForwardedProto
                        | ForwardedHeaders.XForwardedHost;
            // The framework's default trusts the loopback address; only what the operator names is trusted here.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
        });
    }

    private static IEnumerable<string> List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
