using System.Net;
using System.Net.Http.Headers;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Http;

/// <summary>Nothing about residents or staff may be stored by a proxy or a kiosk browser; public pages and assets
/// may.</summary>
public class CachePolicyTests : PlatformTest
{
    private const string Meeting = "aomori-shinjo-briefing-h30";

    [Fact]
    public async Task Answers_behind_the_sign_in_are_not_stored_and_public_ones_may_be()
    {
        var upload = await Client.PostAsync(
            $"/aomori/api/meetings/{Meeting}/handouts",
            new MultipartFormDataContent { { new ByteArrayContent("資料"u8.ToArray()), "file", "cache.txt" } }
        );
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var handout = upload.Headers.Location!.OriginalString;

        string[] private_ =
        [
            "/aomori/api/districts",
            $"/aomori/api/meetings/{Meeting}/minutes?format=csv",
            handout,
            "/aomori/meetings",
            "/aomori/admin/users",
            "/aomori/api/no-such-route",
            "/healthz",
        ];
        foreach (var path in private_)
        {
            var page = new HttpRequestMessage(HttpMethod.Get, path);
            page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            var answer = await Client.SendAsync(page);
            Assert.True(
                answer.Headers.CacheControl?.NoStore == true,
                $"{path} ({(int)answer.StatusCode}): {answer.Headers.CacheControl}"
            );
        }
        var anonymous = Platform.NewClient();
        Assert.True((await anonymous.GetAsync("/aomori/api/districts")).Headers.CacheControl?.NoStore == true);

        var publicPage = await anonymous.GetAsync("/aomori/public/resources");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal("public, max-age=300", publicPage.Headers.CacheControl!.ToString());

        var asset = await anonymous.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.False(asset.Headers.CacheControl?.NoStore == true);
        var script = await anonymous.GetAsync("/_content/Platform.Core/js/forms.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.False(script.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        await using var database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);
        await using var platform = await TestPlatform.StartAsync(database, realPort: true);
        var answer = await platform.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(answer.Headers.Server);
    }
}
