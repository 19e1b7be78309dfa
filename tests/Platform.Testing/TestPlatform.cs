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
    private TestPlatform(WebApplication app, HttpClient client, string baseUrl, Func<HttpClient> newClient)
    {
        App = app;
        Client = client;
        BaseUrl = baseUrl;
        _newClient = newClient;
    }

    private readonly Func<HttpClient> _newClient;

    /// <summary>The platform administrator's token, which <see cref="Client"/> sends.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>A client that is not signed in.</summary>
    public HttpClient NewClient() => _newClient();

    /// <summary>A new client signed in as <paramref name="userName"/> (by default one of the demo accounts).</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = TestAuth.DemoPassword)
    {
        var client = NewClient();
        await TestAuth.SignInAsync(client, userName, password);
        return client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string BaseUrl { get; }

    public IServiceProvider Services => App.Services;

    public static Task<TestPlatform> StartAsync(
        TestDatabase database,
        bool realPort = false,
        params string[] extraArguments
    ) => StartAsync(database, null, realPort, extraArguments);

    /// <param name="services">Registers services before the host's own, which then leave them be where the host
    /// adds its own with TryAdd (a test's clock for sign-in delays).</param>
    public static async Task<TestPlatform> StartAsync(
        TestDatabase database,
        Action<IServiceCollection>? services,
        bool realPort = false,
        params string[] extraArguments
    )
    {
        var app = CreateApp(database, realPort, extraArguments, services);
        await app.StartAsync();
        TestPlatform platform;
        if (realPort)
        {
            var address = app
                .Services.GetRequiredService<IServer>()
                .Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            platform = new TestPlatform(
                app,
                new HttpClient { BaseAddress = new Uri(address) },
                address,
                () => new HttpClient { BaseAddress = new Uri(address) }
            );
        }
        else
        {
            var client = app.GetTestClient();
            platform = new TestPlatform(app, client, client.BaseAddress!.ToString().TrimEnd('/'), app.GetTestClient);
        }
        platform.AdminToken = await TestAuth.SignInAsync(platform.Client);
        return platform;
    }

    /// <summary>The host as <see cref="StartAsync"/> builds it, not yet started.</summary>
    internal static WebApplication CreateApp(
        TestDatabase database,
        bool realPort,
        string[] extraArguments,
        Action<IServiceCollection>? services = null
    )
    {
        string[] args =
        [
            .. database.HostArguments,
            $"--Silo:SiloPort={FreePorts.Next()}",
            $"--Silo:GatewayPort={FreePorts.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            $"--Urls={(realPort ? "http://127.0.0.1:0" : "http://localhost")}",
            .. TestAuth.HostArguments(),
            .. extraArguments,
        ];
        return PlatformApp.Create(
            args,
            builder =>
            {
                if (!realPort)
                    builder.WebHost.UseTestServer();
                services?.Invoke(builder.Services);
            }
        );
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
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
}
