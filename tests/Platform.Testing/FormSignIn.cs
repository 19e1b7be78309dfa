using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>
/// Signing in on the sign-in page as a browser does: the form's anti-forgery token, then the form post. Cookies are
/// kept by hand, as a Cookie header: a test server's client keeps none, and a Secure cookie must still be sent back
/// over the test's plain HTTP.
/// </summary>
public static partial class FormSignIn
{
    /// <summary>The answer to the form post (a redirect when the password is right) and the Cookie header to send
    /// afterwards.</summary>
    public static async Task<(HttpResponseMessage Answer, string Cookies)> PostAsync(
        HttpClient client,
        string userName,
        string password,
        string? returnUrl = null,
        IReadOnlyDictionary<string, string>? headers = null
    )
    {
        var get = new HttpRequestMessage(HttpMethod.Get, "/signin");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            get.Headers.TryAddWithoutValidation(name, value);
        var page = await client.SendAsync(get);
        var token = TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookies = Cookies(page, "");
        var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent([
                new("userName", userName),
                new("password", password),
                new("returnUrl", returnUrl ?? ""),
                new("__RequestVerificationToken", token),
            ]),
        };
        post.Headers.Add("Cookie", cookies);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            post.Headers.TryAddWithoutValidation(name, value);
        var answer = await client.SendAsync(post);
        return (answer, Cookies(answer, cookies));
    }

    /// <summary>The Cookie header <paramref name="before"/> with the answer's Set-Cookie applied.</summary>
    public static string Cookies(HttpResponseMessage answer, string before)
    {
        var jar = before
            .Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        foreach (var set in answer.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';')[0].Split('=', 2);
            jar[pair[0]] = pair[1];
        }
        return string.Join("; ", jar.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>A client on <paramref name="baseUrl"/> (a host on a real port) that follows no redirect and keeps no
    /// cookie.</summary>
    public static HttpClient RawClient(string baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
