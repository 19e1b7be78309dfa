using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>How test hosts are signed into: the platform administrator that an empty host creates, with a known
/// password.</summary>
public static class TestAuth
{
    public const string AdminPassword = "test-admin-password-0123";

    /// <summary>The password of the demo tenants' accounts (seeds/).</summary>
    public const string DemoPassword = "sasaeai-demo-2026";

    /// <summary>Host arguments: the administrator's password, a private file for it, and sign-in limits high enough for
    /// tests.</summary>
    public static string[] HostArguments() =>
        [
            $"--Auth:InitialAdminPassword={AdminPassword}",
            $"--Auth:InitialAdminFile={Path.Combine(Path.GetTempPath(), $"sasaeai-admin-{Guid.NewGuid():N}.txt")}",
            "--Auth:SignInPerMinute=100000",
        ];

    /// <summary>Gets a token through the route of API.md and puts it on the client.</summary>
    public static async Task<string> SignInAsync(
        HttpClient client,
        string userName = "admin",
        string password = AdminPassword
    )
    {
        var answer = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }
}
