using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.Tests.Records;

/// <summary>
/// Entries sent with an Idempotency-Key are recorded once, however often the same key arrives: at once, one after
/// another, or after the meeting's grain started again from the database (a restart, a failover).
/// </summary>
public sealed class EntryKeyTests : PlatformTest
{
    private HttpClient _client = default!;
    private string _api = "";
    private string _theme = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = await Platform.ClientForAsync("aomori-coordinator");
        var body = await IdAsync(
            await _client.PostAsJsonAsync(
                "/aomori/api/bodies",
                new { name = "送信キーの協議体", districtId = "aomori-tsutsui" }
            ),
            "id"
        );
        var meeting = await IdAsync(
            await _client.PostAsJsonAsync(
                "/aomori/api/meetings",
                new
                {
                    bodyId = body,
                    title = "第1回",
                    date = "2026-12-01",
                }
            ),
            "id"
        );
        _api = $"/aomori/api/meetings/{meeting}";
        _theme = (await JsonOf(await _client.PostAsJsonAsync($"{_api}/agenda", new { title = "テーマ" })))
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString()!;
    }

    [Fact]
    public async Task The_same_key_is_recorded_once_at_once_after_and_after_a_restart()
    {
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => OpinionAsync(key, "一度だけ")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(
            answers.Select(async a => (await JsonOf(a)).GetProperty("opinion").GetProperty("id").GetString())
        );
        Assert.Single(ids.Distinct());

        await RestartAsync();
        _client = await Platform.ClientForAsync("aomori-coordinator");
        var again = await OpinionAsync(key, "一度だけ");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(ids[0], (await JsonOf(again)).GetProperty("opinion").GetProperty("id").GetString());
        Assert.Single(await OpinionTextsAsync(), "一度だけ");

        // Without a key, or with another, the same words are a new opinion: people do say the same thing twice.
        Assert.Equal(HttpStatusCode.Created, (await OpinionAsync(null, "一度だけ")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await OpinionAsync(Guid.NewGuid().ToString(), "一度だけ")).StatusCode);
        Assert.Equal(3, (await OpinionTextsAsync()).Count(t => t == "一度だけ"));
    }

    [Fact]
    public async Task A_key_reused_for_another_kind_or_a_deleted_entry_or_a_malformed_key_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        var opinion = (await JsonOf(await OpinionAsync(key, "消される意見")))
            .GetProperty("opinion")
            .GetProperty("id")
            .GetString();

        using var comment = new HttpRequestMessage(HttpMethod.Post, $"{_api}/comments")
        {
            Content = JsonContent.Create(new { speaker = "助言者", text = "コメント" }),
        };
        comment.Headers.Add("Idempotency-Key", key);
        await AssertProblemAsync(await _client.SendAsync(comment), HttpStatusCode.Conflict, "idempotency.key_reused");

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{_api}/opinions/{opinion}")).StatusCode);
        await AssertProblemAsync(
            await OpinionAsync(key, "消される意見"),
            HttpStatusCode.Conflict,
            "idempotency.entry_deleted"
        );

        foreach (var bad in new[] { new string('a', 101), "キー", "a b" })
            await AssertProblemAsync(
                await OpinionAsync(bad, "意見"),
                HttpStatusCode.BadRequest,
                "idempotency.invalid_key"
            );
        Assert.DoesNotContain("意見", await OpinionTextsAsync());
    }

    private async Task<HttpResponseMessage> OpinionAsync(string? key, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_api}/opinions")
        {
            Content = JsonContent.Create(new { agendaItemId = _theme, text }),
        };
        if (key is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await _client.SendAsync(request);
    }

    private async Task<List<string>> OpinionTextsAsync() =>
        (await _client.GetFromJsonAsync<JsonElement>($"{_api}/record"))
            .GetProperty("record")
            .GetProperty("opinions")
            .EnumerateArray()
            .Select(o => o.GetProperty("text").GetString()!)
            .ToList();

    private static async Task AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string code)
    {
        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(code, (await JsonOf(answer)).GetProperty("code").GetString());
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage answer) =>
        await answer.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> IdAsync(HttpResponseMessage answer, string property) =>
        (await JsonOf(answer.EnsureSuccessStatusCode())).GetProperty(property).GetString()!;
}
