using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Storage;

namespace Platform.Host.Tests.Records;

/// <summary>
/// Correcting a meeting's record on each entry's own URL: the record changes, every correction is kept with what was
/// before and after, audited, and sent to open pages; refusals are problems with stable codes; a confirmed 概要 must
/// be reopened with a reason, which it then shows as 訂正.
/// </summary>
public abstract class CorrectionTests(DatabaseProvider provider) : PlatformTest(provider)
{
    private HttpClient _client = default!;
    private string _meeting = "";

    private string Api => $"/aomori/api/meetings/{_meeting}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = await Platform.ClientForAsync("aomori-coordinator");
        var body = await IdAsync(
            await _client.PostAsJsonAsync(
                "/aomori/api/bodies",
                new { name = "訂正の協議体", districtId = "aomori-tsutsui" }
            )
        );
        _meeting = await IdAsync(
            await _client.PostAsJsonAsync(
                "/aomori/api/meetings",
                new
                {
                    bodyId = body,
                    title = "第1回",
                    date = "2019-11-19",
                }
            )
        );
    }

    [Fact]
    public async Task A_typo_is_corrected_a_duplicated_theme_deleted_and_both_are_kept_audited_and_sent_live()
    {
        var theme = await ThemeAsync("地域の困りごと");
        var duplicate = await ThemeAsync("地域の困りごと");
        var opinion = await OpinionAsync(duplicate, "買い物に困っている人がおおい");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = new StreamReader(
            await (
                await _client.GetAsync(
                    $"{Api}/record/events?after=3",
                    HttpCompletionOption.ResponseHeadersRead,
                    timeout.Token
                )
            ).Content.ReadAsStreamAsync(timeout.Token)
        );
        Assert.Equal(": connected", await stream.ReadLineAsync(timeout.Token));

        var corrected = await _client.PatchAsJsonAsync(
            $"{Api}/opinions/{opinion}",
            new { text = "買い物に困っている人が多い", agendaItemId = theme }
        );
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Api}/agenda/{duplicate}")).StatusCode);

        var record = (await _client.GetFromJsonAsync<JsonElement>($"{Api}/record")).GetProperty("record");
        var themes = record.GetProperty("agenda").EnumerateArray().ToList();
        Assert.Equal(theme, Assert.Single(themes).GetProperty("id").GetString());
        var kept = Assert.Single(record.GetProperty("opinions").EnumerateArray());
        Assert.Equal("買い物に困っている人が多い", kept.GetProperty("text").GetString());
        Assert.Equal(theme, kept.GetProperty("agendaItemId").GetString());

        var events = await EventsAsync(stream, 2, timeout.Token);
        Assert.Contains(("revised", opinion), events);
        Assert.Contains(("removed", duplicate), events);

        var history = await _client.GetFromJsonAsync<JsonElement>($"{Api}/corrections?itemId={opinion}");
        var edit = Assert.Single(history.EnumerateArray());
        Assert.Equal("edit", edit.GetProperty("change").GetString());
        Assert.Equal("買い物に困っている人がおおい", edit.GetProperty("before").GetProperty("text").GetString());
        Assert.Equal("買い物に困っている人が多い", edit.GetProperty("after").GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(edit.GetProperty("correctedBy").GetString()));
        var deletion = (await _client.GetFromJsonAsync<JsonElement>($"{Api}/corrections?itemId={duplicate}"))[0];
        Assert.Equal("delete", deletion.GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, deletion.GetProperty("after").ValueKind);

        var admin = await Platform.ClientForAsync("aomori-admin");
        var audit = (await admin.GetStringAsync("/aomori/api/audit"));
        Assert.Contains($"{Api}/opinions/{opinion}", audit);
        Assert.Contains($"{Api}/agenda/{duplicate}", audit);
    }

    [Fact]
    public async Task What_cannot_be_corrected_is_refused_with_a_code_and_nothing_changes()
    {
        var theme = await ThemeAsync("テーマ");
        var opinion = await OpinionAsync(theme, "元の意見");
        var answer = await OpinionAsync(theme, "⇒回答");
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/opinions/{opinion}", new { text = " " }),
            400,
            "opinion.empty"
        );
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/opinions/{theme}", new { text = "x" }),
            404,
            "opinion.not_found"
        );
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/opinions/{opinion}", new { agendaItemId = "nowhere" }),
            400,
            "agenda.not_found"
        );
        await ProblemAsync(await _client.DeleteAsync($"{Api}/agenda/{theme}"), 409, "agenda.not_empty");
        await ProblemAsync(await _client.DeleteAsync($"{Api}/opinions/{opinion}"), 409, "opinion.has_responses");
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/agenda/{theme}", new { position = 5 }),
            400,
            "agenda.invalid_position"
        );
        var miyagi = await Platform.ClientForAsync("miyagi-coordinator");
        await ProblemAsync(
            await miyagi.PatchAsJsonAsync($"/miyagi/api/meetings/{_meeting}/opinions/{opinion}", new { text = "他人" }),
            404,
            "meeting.not_found"
        );
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Api}/opinions/{answer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Api}/opinions/{opinion}")).StatusCode);
        var record = (await _client.GetFromJsonAsync<JsonElement>($"{Api}/record")).GetProperty("record");
        Assert.Empty(record.GetProperty("opinions").EnumerateArray());
        Assert.Single(record.GetProperty("agenda").EnumerateArray());
    }

    [Fact]
    public async Task A_confirmed_summary_is_reopened_with_a_reason_and_shows_it_as_a_correction()
    {
        var theme = await ThemeAsync("テーマ");
        var opinion = await OpinionAsync(theme, "誤字のある意見");
        await StatusAsync("held");
        // 開催済み marked by mistake is undone, and marked again.
        await StatusAsync("planned");
        await StatusAsync("held");
        await StatusAsync("minutesApproved");
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/opinions/{opinion}", new { text = "正しい意見" }),
            409,
            "meeting.minutes_approved"
        );
        await ProblemAsync(
            await _client.PostAsJsonAsync($"{Api}/status", new { status = "held" }),
            400,
            "meeting.reason_required"
        );
        await StatusAsync("held", "意見の誤字を訂正するため");
        Assert.Equal(
            HttpStatusCode.OK,
            (await _client.PatchAsJsonAsync($"{Api}/opinions/{opinion}", new { text = "正しい意見" })).StatusCode
        );
        await StatusAsync("minutesApproved");
        var summary = await _client.GetStringAsync($"/aomori/meetings/{_meeting}/summary");
        Assert.Contains("訂正", summary);
        Assert.Contains("意見の誤字を訂正するため", summary);
        Assert.Contains("正しい意見", summary);
        Assert.DoesNotContain("誤字のある意見", summary);
    }

    [Fact]
    public async Task An_action_item_is_corrected_and_deleted_and_a_residents_item_only_by_who_may_see_it()
    {
        var theme = await ThemeAsync("テーマ");
        var created = await _client.PostAsJsonAsync(
            $"{Api}/actions",
            new { title = "見守り体制の検討", dueDate = "令和元年12月1日" }
        );
        var action = await IdAsync(created);
        var changed = await _client.PatchAsJsonAsync(
            $"{Api}/actions/{action}",
            new { title = "見守り体制の整備", dueDate = "" }
        );
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("見守り体制の整備", after.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("dueDate").ValueKind);
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/actions/{action}", new { dueDate = "令和元年13月1日" }),
            400,
            "action.invalid_date"
        );
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Api}/actions/{action}")).StatusCode);
        await ProblemAsync(await _client.DeleteAsync($"{Api}/actions/{action}"), 404, "action.not_found");
        Assert.Equal(
            2,
            (await _client.GetFromJsonAsync<JsonElement>($"{Api}/corrections?itemId={action}")).GetArrayLength()
        );

        // The coordinator has not signed this meeting's pledge: a resident's opinion is withheld from them, so they
        // cannot correct it either, and its history does not show its words.
        var personal = await IdAsync(
            await _client.PostAsJsonAsync(
                $"{Api}/opinions",
                new
                {
                    agendaItemId = theme,
                    text = "田中さん宅の見守り KOJIN-9931",
                    sensitivity = "personal",
                    basis = new { kind = "ordinance", ordinance = "青森市個人情報保護法施行条例 第5条" },
                }
            ),
            "opinion"
        );
        await ProblemAsync(
            await _client.PatchAsJsonAsync($"{Api}/opinions/{personal}", new { text = "書き換え" }),
            403,
            "privacy.withheld"
        );
        await ProblemAsync(await _client.DeleteAsync($"{Api}/opinions/{personal}"), 403, "privacy.withheld");
    }

    private async Task<string> ThemeAsync(string title) =>
        await IdAsync(await _client.PostAsJsonAsync($"{Api}/agenda", new { title }), "agendaItem");

    private async Task<string> OpinionAsync(string theme, string text) =>
        await IdAsync(await _client.PostAsJsonAsync($"{Api}/opinions", new { agendaItemId = theme, text }), "opinion");

    private async Task StatusAsync(string status, string? reason = null)
    {
        var response = await _client.PostAsJsonAsync($"{Api}/status", new { status, reason });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> IdAsync(HttpResponseMessage response, string? property = null)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (property is null ? json : json.GetProperty(property)).GetProperty("id").GetString()!;
    }

    private static async Task ProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }

    /// <summary>The next <paramref name="count"/> revised or removed events: their kind and item id.</summary>
    private static async Task<List<(string Kind, string Id)>> EventsAsync(
        StreamReader stream,
        int count,
        CancellationToken cancellationToken
    )
    {
        var events = new List<(string, string)>();
        string? kind = null;
        while (events.Count < count && await stream.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                kind = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind is "revised" or "removed")
            {
                var data = JsonDocument.Parse(line[6..]).RootElement;
                var id =
                    kind == "removed" ? data.GetProperty("itemId").GetString()!
                    : data.TryGetProperty("opinion", out var o) && o.ValueKind == JsonValueKind.Object
                        ? o.GetProperty("id").GetString()!
                    : data.GetProperty("agendaItem").GetProperty("id").GetString()!;
                events.Add((kind, id));
            }
        }
        return events;
    }
}

public sealed class CorrectionsOnSqlite() : CorrectionTests(DatabaseProvider.Sqlite);

public sealed class CorrectionsOnPostgres() : CorrectionTests(DatabaseProvider.Postgres);
