using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>The importer through the API, on SQLite and on PostgreSQL, with the demo tenant miyagi (which is the seed's
/// import).</summary>
public abstract class ImportTests(DatabaseProvider provider) : PlatformTest(provider)
{
    private const string Import = "/miyagi/api/imports/exchange-summary";

    private Task<HttpResponseMessage> PostTextAsync(string text, string query = "") =>
        Client.PostAsync(Import + query, new StringContent(text, Encoding.UTF8, "text/plain"));

    private async Task<JsonElement> RoundAsync(string id) => await JsonAsync($"/miyagi/api/exchange-rounds/{id}");

    [Fact]
    public async Task The_demo_tenant_is_the_seed_imported_and_regenerating_its_text_gives_the_same_document()
    {
        var rounds = await JsonAsync("/miyagi/api/exchange-rounds");
        var id = Assert.Single(rounds.EnumerateArray()).GetProperty("id").GetString()!;
        var round = await RoundAsync(id);
        var sendai = round.GetProperty("sessions")[1];
        Assert.Equal(
            "import.weekday_mismatch",
            Assert.Single(sendai.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString()
        );
        Assert.Contains("火曜日ですが、概要には（木）", await Client.GetStringAsync($"/miyagi/exchange-sessions/{id}"));

        var text = await Client.GetStringAsync($"/miyagi/api/exchange-rounds/{id}/summary?format=txt");
        var regenerated = ExchangeSummaryParser.Parse(text, SeedDocument.Positions);
        var original = ExchangeSummaryParser.Parse(SeedDocument.Text, SeedDocument.Positions);
        Assert.Equal(JsonSerializer.Serialize(original.Document), JsonSerializer.Serialize(regenerated.Document));
        Assert.Equal(original.Warnings.Select(w => w.Code), regenerated.Warnings.Select(w => w.Code));

        var themes = (await JsonAsync($"/miyagi/api/exchange-rounds/{id}/themes")).EnumerateArray().ToList();
        Assert.Equal(4, themes.Count);
        Assert.Equal(
            ["県北部", "仙台"],
            themes[0].GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString())
        );
        var speakers = (await JsonAsync("/miyagi/api/exchange-speakers")).EnumerateArray().ToList();
        var nishizuka = speakers.Single(s => s.GetProperty("name").GetString() == "西塚 国彦");
        Assert.Equal(2, nishizuka.GetProperty("remarks").GetArrayLength());
    }

    [Fact]
    public async Task A_document_of_our_own_is_read_with_its_quirks_and_its_warnings_kept()
    {
        var answer = await PostTextAsync(OwnDocuments.South);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["import.total_mismatch", "import.unattributed_comment"],
            result.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).Order()
        );

        var session = (await RoundAsync(result.GetProperty("roundId").GetString()!))
            .GetProperty("sessions")[0]
            .GetProperty("document");
        Assert.Equal(
            ("圏域・会場", "県南部", "2020-10-06"),
            (
                session.GetProperty("regionLabel").GetString(),
                session.GetProperty("region").GetString(),
                session.GetProperty("date").GetString()
            )
        );
        Assert.Equal(
            [5, 4, 2, 3, 6],
            session.GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("count").GetInt32())
        );
        Assert.Equal(21, session.GetProperty("statedTotal").GetInt32());
        Assert.Equal("佐藤 花子", session.GetProperty("advisors")[0].GetProperty("name").GetString());
        var opinions = session
            .GetProperty("themes")[0]
            .GetProperty("opinions")
            .EnumerateArray()
            .Select(o => o.GetString())
            .ToList();
        Assert.Equal(
            "退職した男性に声をかけ，まずは月１回のお茶会から始めたところ，少しずつ参加者が増えてきた。",
            opinions[0]
        );
        Assert.Equal("⇒学校との連携の仕方を知りたい。", opinions[2]);
        Assert.Equal(2, session.GetProperty("themes").GetArrayLength());
        var comments = session.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal("佐藤 花子", comments[0].GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("渡邊 一郎", comments[1].GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal(
            ("町田", "other"),
            (
                comments[2].GetProperty("speaker").GetProperty("name").GetString(),
                comments[2].GetProperty("speaker").GetProperty("kind").GetString()!.ToLowerInvariant()
            )
        );
        Assert.Equal(
            "渡邊 一郎",
            session.GetProperty("reviews")[0].GetProperty("speaker").GetProperty("name").GetString()
        );
    }

    [Fact]
    public async Task Bad_documents_are_refused_whole_and_a_duplicate_is_replaced_only_when_asked()
    {
        Assert.Equal("import.empty", await (await PostTextAsync("  ")).ProblemCodeAsync());
        Assert.Equal(
            "import.not_a_summary",
            await (await PostTextAsync("議事録\n本日は晴天なり。")).ProblemCodeAsync()
        );
        var binary = await Client.PostAsync(
            Import,
            new ByteArrayContent([0x25, 0x50, 0x44, 0x46, 0xFF, 0xFE, 0x00, 0x81])
        );
        Assert.Equal("import.binary", await binary.ProblemCodeAsync());
        var huge = await PostTextAsync(new string('あ', 5 * 1024 * 1024 / 3));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var broken = await PostTextAsync(OwnDocuments.BrokenSecondSession);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Single((await JsonAsync("/miyagi/api/exchange-rounds")).EnumerateArray());
        Assert.DoesNotContain(
            (await JsonAsync("/miyagi/api/meetings")).EnumerateArray(),
            m => m.GetProperty("title").GetString()!.Contains("第２回 情報交換会")
        );

        // The preview says already that the document is in, and which round holds it.
        var roundId = (await JsonAsync("/miyagi/api/exchange-rounds"))[0].GetProperty("id").GetString();
        var seen = await Client.PostAsJsonAsync(Import + "?preview=true", new { text = SeedDocument.Text });
        Assert.Equal(
            roundId,
            (await seen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicateOfRoundId").GetString()
        );

        var again = await PostTextAsync(SeedDocument.Text);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("import.duplicate", await again.ProblemCodeAsync());
        var meetingsBefore = (await JsonAsync("/miyagi/api/meetings")).GetArrayLength();
        var replaced = await PostTextAsync(SeedDocument.Text, "?replace=true");
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        var replacement = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(replacement.GetProperty("replaced").GetBoolean());
        // The replaced round keeps its address.
        Assert.Equal(roundId, replacement.GetProperty("roundId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/miyagi/exchange-sessions/{roundId}")).StatusCode);
        Assert.Single((await JsonAsync("/miyagi/api/exchange-rounds")).EnumerateArray());
        Assert.Equal(meetingsBefore, (await JsonAsync("/miyagi/api/meetings")).GetArrayLength());

        var preview = await Client.PostAsJsonAsync(Import + "?preview=true", new { text = OwnDocuments.South });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(
            JsonValueKind.Null,
            (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicateOfRoundId").ValueKind
        );
        Assert.Single((await JsonAsync("/miyagi/api/exchange-rounds")).EnumerateArray());
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await Client.PostAsync("/aomori/api/imports/exchange-summary", new StringContent(OwnDocuments.South))
            ).StatusCode
        );
    }
}

public sealed class ImportOnSqliteTests() : ImportTests(DatabaseProvider.Sqlite);

public sealed class ImportOnPostgresTests() : ImportTests(DatabaseProvider.Postgres);
