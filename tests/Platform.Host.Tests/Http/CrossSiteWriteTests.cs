using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Http;

/// <summary>A write made with the session cookie must come from the platform's own pages; bearer-token scripts are
/// unaffected.</summary>
public class CrossSiteWriteTests : PlatformTest
{
    private const string Meeting = "aomori-shinjo-briefing-h30";
    private const string Evil = "http://evil.example";

    private string _cookies = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (answer, cookies) = await FormSignIn.PostAsync(Platform.NewClient(), "admin", TestAuth.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        _cookies = cookies;
    }

    /// <summary>The four writes of the tester's report, each with what it should answer when accepted.</summary>
    private async Task<List<(string What, Func<HttpRequestMessage> Request, HttpStatusCode Accepted)>> WritesAsync()
    {
        var agenda = (await JsonAsync($"/aomori/api/meetings/{Meeting}/record"))
            .GetProperty("record")
            .GetProperty("agenda")[0]
            .GetProperty("id")
            .GetString();
        var opinion = await Client.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/opinions",
            new
            {
                agendaItemId = agenda,
                text = "同意に基づく意見 CROSS-SITE-1",
                sensitivity = "personal",
                basis = new
                {
                    kind = "consent",
                    consentedOn = "平成30年10月20日",
                    scope = "支援会議の構成員に限る",
                },
            }
        );
        Assert.True(opinion.StatusCode == HttpStatusCode.Created, await opinion.Content.ReadAsStringAsync());
        var opinionId = (await opinion.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("opinion")
            .GetProperty("id")
            .GetString();
        return
        [
            (
                "handout",
                () =>
                    new HttpRequestMessage(HttpMethod.Post, $"/aomori/api/meetings/{Meeting}/handouts")
                    {
                        Content = new MultipartFormDataContent
                        {
                            { new ByteArrayContent("資料"u8.ToArray()), "file", "cross.txt" },
                        },
                    },
                HttpStatusCode.Created
            ),
            (
                "withdrawal",
                () =>
                    new HttpRequestMessage(
                        HttpMethod.Post,
                        $"/aomori/api/meetings/{Meeting}/privacy/{opinionId}/withdraw"
                    ),
                HttpStatusCode.OK
            ),
            (
                "retention",
                () => new HttpRequestMessage(HttpMethod.Post, "/aomori/api/privacy/retention/run"),
                HttpStatusCode.OK
            ),
            ("feed token", () => new HttpRequestMessage(HttpMethod.Post, "/api/auth/feed-token"), HttpStatusCode.OK),
        ];
    }

    private Task<HttpResponseMessage> WithCookieAsync(
        HttpRequestMessage request,
        params (string Name, string Value)[] headers
    )
    {
        request.Headers.Add("Cookie", _cookies);
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        return Platform.NewClient().SendAsync(request);
    }

    private async Task<int> HandoutCountAsync() =>
        (await JsonAsync($"/aomori/api/meetings/{Meeting}/handouts")).GetArrayLength();

    [Fact]
    public async Task With_the_cookie_a_foreign_origin_is_refused_and_changes_nothing()
    {
        var handouts = await HandoutCountAsync();
        foreach (var (what, request, _) in await WritesAsync())
        {
            foreach (
                var headers in new[]
                {
                    new[] { ("Origin", Evil) },
                    [("Sec-Fetch-Site", "cross-site"), ("Origin", Evil)],
                    [("Sec-Fetch-Site", "same-site")],
                    [],
                }
            )
            {
                var refused = await WithCookieAsync(request(), headers);
                Assert.True(
                    refused.StatusCode == HttpStatusCode.Forbidden,
                    $"{what} {string.Join(",", headers)}: {(int)refused.StatusCode}"
                );
                Assert.Equal("request.cross_site", await refused.ProblemCodeAsync());
            }
        }
        Assert.Equal(handouts, await HandoutCountAsync());
        // Every accepted change to a tenant is audited: none of these was.
        var audited = (await JsonAsync("/aomori/api/audit?limit=1000")).GetRawText();
        Assert.DoesNotContain("/withdraw", audited);
        Assert.DoesNotContain("/retention/run", audited);
    }

    [Fact]
    public async Task With_the_cookie_the_own_origin_is_accepted()
    {
        var writes = await WritesAsync();
        foreach (var (what, request, accepted) in writes)
        {
            var answer = await WithCookieAsync(request(), ("Origin", "http://localhost"));
            Assert.True(
                answer.StatusCode == accepted,
                $"{what}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}"
            );
        }
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await WithCookieAsync(
                    writes[3].Request(),
                    ("Sec-Fetch-Site", "same-origin"),
                    ("Origin", "http://localhost")
                )
            ).StatusCode
        );
    }

    [Fact]
    public async Task A_bearer_token_is_accepted_from_any_origin()
    {
        foreach (var (what, request, accepted) in await WritesAsync())
        {
            var message = request();
            message.Headers.Add("Origin", Evil);
            message.Headers.Add("Sec-Fetch-Site", "cross-site");
            var answer = await Client.SendAsync(message);
            Assert.True(answer.StatusCode == accepted, $"{what}: {(int)answer.StatusCode}");
        }
    }

    [Fact]
    public async Task Another_site_cannot_post_the_sign_in_form()
    {
        var (answer, _) = await FormSignIn.PostAsync(
            Platform.NewClient(),
            "aomori-viewer",
            TestAuth.DemoPassword,
            headers: new Dictionary<string, string> { ["Origin"] = Evil }
        );
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("request.cross_site", await answer.ProblemCodeAsync());
    }
}
