using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Accounts;

/// <summary>
/// The host remembers what a token stands for (AccountStore.RememberedFor) so that requests do not read it each time;
/// a password change must still end the old tokens at once, remembered or not.
/// </summary>
public sealed class RememberedTokenTests : PlatformTest
{
    [Fact]
    public async Task A_password_change_ends_a_remembered_token_at_once()
    {
        var client = await Platform.ClientForAsync("aomori-coordinator");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aomori/api/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aomori/api/meetings")).StatusCode);

        var changed = await client.PostAsJsonAsync(
            "/api/auth/password",
            new { currentPassword = TestAuth.DemoPassword, newPassword = "a-new-password-2026-11" }
        );
        Assert.True(
            changed.IsSuccessStatusCode,
            $"{(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}"
        );

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/aomori/api/meetings")).StatusCode);
        var again = await Platform.ClientForAsync("aomori-coordinator", "a-new-password-2026-11");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/aomori/api/meetings")).StatusCode);
    }
}
