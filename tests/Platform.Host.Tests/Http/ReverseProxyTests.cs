using System.Net;
using System.Net.Http.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Http;

/// <summary>
/// X-Forwarded-* is believed from the proxies of Proxy:KnownNetworks only: then the scheme gives HSTS and a Secure
/// cookie, and each forwarded address has its own sign-in limit; without it, a client cannot claim another address.
/// </summary>
public class ReverseProxyTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<TestPlatform> StartAsync(params string[] arguments) =>
        TestPlatform.StartAsync(_database, realPort: true, ["--Auth:SignInPerMinute=3", .. arguments]);

    private static async Task<HttpStatusCode> SignInFromAsync(HttpClient client, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { userName = "admin", password = TestAuth.AdminPassword }),
        };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_forwarded_scheme_and_addresses_count()
    {
        await using var platform = await StartAsync("--Proxy:KnownNetworks=127.0.0.1/32,::1/128");
        using var client = FormSignIn.RawClient(platform.BaseUrl);
        var https = new Dictionary<string, string>
        {
            ["X-Forwarded-Proto"] = "https",
            ["X-Forwarded-Host"] = "sasaeai.city.example",
        };

        var (answer, _) = await FormSignIn.PostAsync(client, "aomori-viewer", TestAuth.DemoPassword, headers: https);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains(
            answer.Headers.GetValues("Set-Cookie"),
            c =>
                c.StartsWith("sasaeai=", StringComparison.Ordinal)
                && c.Contains("; secure", StringComparison.OrdinalIgnoreCase)
        );
        Assert.Equal("max-age=31536000", answer.Headers.GetValues("Strict-Transport-Security").Single());

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.20"));
    }

    [Fact]
    public async Task Without_a_known_proxy_forwarded_headers_are_ignored()
    {
        await using var platform = await StartAsync();
        using var client = FormSignIn.RawClient(platform.BaseUrl);

        var (answer, _) = await FormSignIn.PostAsync(
            client,
            "aomori-viewer",
            TestAuth.DemoPassword,
            headers: new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" }
        );
        Assert.DoesNotContain(
            answer.Headers.GetValues("Set-Cookie"),
            c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)
        );
        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));

        // The platform's own sign-in at start and the form's took two of the three; the rest is shared whatever the
        // header says.
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "203.0.113.20"));
    }
}
