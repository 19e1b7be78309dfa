using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Accounts;

/// <summary>Wrong passwords slow the next attempts down for a few seconds, never lock the owner out, and never tell
/// which names exist.</summary>
[RunsLong(45)]
public class SignInDelayTests(ITestOutputHelper output) : PlatformTest
{
    private Task<HttpResponseMessage> TryAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { userName, password });

    [Fact]
    public async Task After_three_wrong_passwords_the_next_attempt_waits_a_second_and_then_the_right_password_works()
    {
        var client = Platform.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(
                "auth.invalid_credentials",
                await (await TryAsync(client, "aomori-viewer", "wrong")).ProblemCodeAsync()
            );
        var early = await TryAsync(client, "aomori-viewer", TestAuth.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal("auth.retry_later", await early.ProblemCodeAsync());
        Assert.Equal("1", early.Headers.GetValues("Retry-After").Single());

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(client, "aomori-viewer", TestAuth.DemoPassword)).StatusCode);
        // The success cleared the count: three more mistakes are free again.
        for (var i = 0; i < 3; i++)
            Assert.Equal(
                "auth.invalid_credentials",
                await (await TryAsync(client, "aomori-viewer", "wrong")).ProblemCodeAsync()
            );
    }

    [Fact]
    public async Task The_waits_grow_and_an_unknown_name_waits_as_a_real_one_does()
    {
        var client = Platform.NewClient();
        foreach (var name in new[] { "aomori-coordinator", "no-such-person" })
        {
            for (var i = 0; i < 3; i++)
                await TryAsync(client, name, "wrong");
            for (var wait = 1; wait <= 2; wait *= 2)
            {
                var refused = await TryAsync(client, name, "wrong");
                Assert.Equal("auth.retry_later", await refused.ProblemCodeAsync());
                Assert.Equal(wait.ToString(), refused.Headers.GetValues("Retry-After").Single());
                await Task.Delay(TimeSpan.FromSeconds(wait + 0.2));
                Assert.Equal(
                    "auth.invalid_credentials",
                    await (await TryAsync(client, name, "wrong")).ProblemCodeAsync()
                );
            }
        }
    }

    [Fact]
    public async Task The_sign_in_page_says_how_long_to_wait()
    {
        for (var i = 0; i < 3; i++)
            await FormSignIn.PostAsync(Platform.NewClient(), "aomori-viewer", "wrong");
        var (answer, _) = await FormSignIn.PostAsync(Platform.NewClient(), "aomori-viewer", TestAuth.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.NotNull(answer.Headers.RetryAfter);
        Assert.Contains("秒後にもう一度お試しください", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_tenant_admin_sees_and_clears_the_wait_of_the_tenants_accounts_only()
    {
        var client = Platform.NewClient();
        for (var i = 0; i < 3; i++)
            await TryAsync(client, "aomori-recorder", "wrong");
        for (var i = 0; i < 3; i++)
            await TryAsync(client, "miyagi-coordinator", "wrong");
        var admin = await Platform.ClientForAsync("aomori-admin");

        var waiting = (await admin.GetFromJsonAsync<JsonElement>("/aomori/api/users/sign-in-delays"))
            .EnumerateArray()
            .ToList();
        var recorder = Assert.Single(waiting);
        Assert.Equal("aomori-recorder", recorder.GetProperty("userName").GetString());
        Assert.Equal(3, recorder.GetProperty("failures").GetInt32());
        Assert.Contains("解除する", await admin.GetStringAsync("/aomori/admin/users"));

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await admin.DeleteAsync("/aomori/api/users/miyagi-coordinator/sign-in-delay")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await admin.DeleteAsync("/aomori/api/users/aomori-recorder/sign-in-delay")).StatusCode
        );
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/aomori/api/users/sign-in-delays")).EnumerateArray());
        Assert.Equal(
            HttpStatusCode.OK,
            (await TryAsync(Platform.NewClient(), "aomori-recorder", TestAuth.DemoPassword)).StatusCode
        );

        // The platform administrator sees every name, of no tenant or of none at all.
        Assert.Contains(
            (await Client.GetFromJsonAsync<JsonElement>("/api/users/sign-in-delays")).EnumerateArray(),
            w => w.GetProperty("userName").GetString() == "miyagi-coordinator"
        );
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/users/sign-in-delays")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_takes_as_long_to_refuse_as_a_real_one()
    {
        // A success before each pair clears the real name's count, so that no wait comes into the timing.
        var client = Platform.NewClient();
        var unknown = new List<double>();
        var real = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(
                HttpStatusCode.OK,
                (await TryAsync(client, "aomori-coordinator", TestAuth.DemoPassword)).StatusCode
            );
            unknown.Add(await TimeAsync(() => TryAsync(client, $"nobody-{i}", "wrong-password")));
            real.Add(await TimeAsync(() => TryAsync(client, "aomori-coordinator", "wrong-password")));
        }
        var (u, r) = (Median(unknown), Median(real));
        output.WriteLine(
            $"median sign-in refusal: unknown name {u:F1} ms, real name {r:F1} ms, ratio {Math.Max(u, r) / Math.Min(u, r):F2}"
        );
        Assert.True(Math.Max(u, r) / Math.Min(u, r) < 2, $"unknown {u:F1} ms, real {r:F1} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> attempt)
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await attempt()).StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
