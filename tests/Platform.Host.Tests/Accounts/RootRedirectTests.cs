using System.Net;
using Platform.Testing;

namespace Platform.Host.Tests.Accounts;

/// <summary><c>/</c> leads a person to their own tenant, whichever tenant that is.</summary>
public sealed class RootRedirectTests : PlatformTest
{
    [Fact]
    public async Task The_root_leads_to_the_sign_in_page_and_then_to_the_persons_own_tenant()
    {
        var anonymous = await Platform.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/signin", anonymous.Headers.Location?.OriginalString);

        var (signedIn, cookies) = await FormSignIn.PostAsync(
            Platform.NewClient(),
            "miyagi-coordinator",
            TestAuth.DemoPassword
        );
        Assert.Equal("/miyagi/", signedIn.Headers.Location?.OriginalString);

        var root = new HttpRequestMessage(HttpMethod.Get, "/");
        root.Headers.Add("Cookie", cookies);
        var again = await Platform.NewClient().SendAsync(root);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/miyagi/", again.Headers.Location?.OriginalString);
    }
}
