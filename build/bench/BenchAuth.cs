using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>
/// Benchmarks measure the platform as people use it: signed in, with accounts, audit and privacy on. A host started by
/// a benchmark gets a known administrator password and a sign-in limit no benchmark reaches.
/// </summary>
public static class BenchAuth
{
    public const string AdminPassword = "bench-admin-password-0123";

    /// <summary>The password of the demo tenants' accounts (seeds/).</summary>
    public const string DemoPassword = "sasaeai-demo-2026";

    public static string[] HostArguments() =>
    [
        $"--Auth:InitialAdminPassword={AdminPassword}",
        $"--Auth:InitialAdminFile={Path.Combine(Path.GetTempPath(), $"sasaeai-bench-admin-{Guid.NewGuid():N}.txt")}",
        "--Auth:SignInPerMinute=100000",
    ];

    /// <summary>Signs in through <c>POST /api/auth/token</c>, as a script would, and puts the token on the client.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var answer = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
