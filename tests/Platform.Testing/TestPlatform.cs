using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host;

namespace Platform.Testing;

/// <summary>
/// The real host, started in the test's process on a database of the test's own, with its silo on free ports and the
/// demo tenants from <c>seeds/</c>. In memory by default; on a real loopback port for browser tests.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private TestPlatform(WebApplication app, HttpClient client, string baseUrl)
    {
        App = app;
        Client = client;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string BaseUrl { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestPlatform> StartAsync(TestDatabase database, bool realPort = false, params string[] extraArguments)
    {
        string[] args =
        [
            .. database.HostArguments,
            $"--Silo:SiloPort={FreePorts.Next()}",
            $"--Silo:GatewayPort={FreePorts.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            $"--Urls={(realPort ? "http://127.0.0.1:0" : "http://localhost")}",
            .. extraArguments,
        ];
        var app = PlatformApp.Create(args, builder =>
        {
            if (!realPort) builder.WebHost.UseTestServer();
        });
        await app.StartAsync();
        if (realPort)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TestPlatform(app, new HttpClient { BaseAddress = new Uri(address) }, address);
        }
        var client = app.GetTestClient();
        return new TestPlatform(app, client, client.BaseAddress!.ToString().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

public static class HttpAssertions
{
    /// <summary>Reads a problem+json answer's stable code.</summary>
    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;
}
