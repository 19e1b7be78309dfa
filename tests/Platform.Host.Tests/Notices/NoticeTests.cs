using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Notices;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Notices;

/// <summary>One host per test class, with reply links switched on; the tests use different organisations of the
/// demo's 新城 network meeting so that they do not depend on each other's order.</summary>
public abstract class NoticeHost(DatabaseProvider provider) : IAsyncLifetime
{
    public const string ReplyBaseUrl = "https://sasaeai.example.jp";

    public TestDatabase Database { get; private set; } = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Platform = await TestPlatform.StartAsync(Database, false, $"--Notices:ReplyBaseUrl={ReplyBaseUrl}");
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }

    public sealed class Sqlite() : NoticeHost(DatabaseProvider.Sqlite);

    public sealed class Postgres() : NoticeHost(DatabaseProvider.Postgres);
}

/// <summary>
/// 開催通知 and 出欠 of the demo's 新城 network meeting: one letter per convened organisation in the Word file, each
/// naming it and followed by its 出欠回答票, numbers kept on a second download; replies by staff and through a reply
/// link both counted in the expected attendance; refusals with their codes and nothing written.
/// </summary>
public abstract class NoticeTests(NoticeHost host)
{
    private const string Meeting = "/aomori/api/meetings/aomori-shinjo-network-h30";

    private HttpClient Client => host.Platform.Client;

    private async Task<List<(string Id, string Name)>> ConvenedAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>(Meeting))
            .GetProperty("convened")
            .EnumerateArray()
            .Select(c => (c.GetProperty("organisationId").GetString()!, c.GetProperty("name").GetString()!))
            .ToList();

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        return string.Join(
            "\n",
            body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)
        );
    }

    private static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what)).Count;

    [Fact]
    public async Task The_word_file_has_a_letter_and_a_reply_form_for_each_convened_organisation()
    {
        var convened = await ConvenedAsync();
        Assert.Equal(8, convened.Count);
        var answer = await Client.GetAsync($"{Meeting}/notices?format=docx");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(NoticeDocx.ContentType, answer.Content.Headers.ContentType?.MediaType);
        var text = Text(await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(convened.Count, Count(text, "地域支援ネットワーク会議の開催について（通知）"));
        Assert.Equal(convened.Count, text.Split('\n').Count(line => line == "出欠回答票"));
        foreach (var (_, name) in convened)
            Assert.True(Count(text, name) >= 2, $"{name} is not named in its letter and its reply form");
        Assert.Contains("平成３０年１１月２２日（木）　１８時００分～１９時００分", text);
        Assert.Contains("西部市民センター", text);
        Assert.Contains("新城地区の地域包括支援センター", text);
        Assert.Contains("御中", text);
        Assert.Contains($"{NoticeHost.ReplyBaseUrl}/aomori/reply/", text);

        // Downloaded again, each letter keeps its number; the numbers are the tenant's, one per organisation.
        var numbers = Regex.Matches(text, "第[０-９]+号").Select(m => m.Value).ToList();
        Assert.Equal(convened.Count, numbers.Distinct().Count());
        var again = Text(await Client.GetByteArrayAsync($"{Meeting}/notices?format=docx"));
        Assert.Equal(numbers, Regex.Matches(again, "第[０-９]+号").Select(m => m.Value).ToList());
    }

    [Fact]
    public async Task One_organisation_gets_its_own_letter_and_the_page_prints_one_per_page()
    {
        var html = await Client.GetStringAsync($"{Meeting}/notices?format=html&organisationId=aomori-shinjo-koban");
        Assert.Equal(1, Count(html, "data-testid=\"notice-letter\""));
        Assert.Equal(1, Count(html, "data-testid=\"notice-reply-form\""));
        Assert.Contains("新城地区の交番", html);
        var all = await Client.GetStringAsync($"{Meeting}/notices");
        Assert.Equal(8, Count(all, "data-testid=\"notice-letter\""));

        var unknown = await Client.GetAsync($"{Meeting}/notices?format=pdf");
        Assert.Equal("notices.unknown_format", await unknown.ProblemCodeAsync());
        var notConvened = await Client.GetAsync($"{Meeting}/notices?organisationId=aomori-ono-swc");
        Assert.Equal(HttpStatusCode.BadRequest, notConvened.StatusCode);
        Assert.Equal("notices.not_convened", await notConvened.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_meeting_that_convenes_nobody_has_no_notices()
    {
        var scope = await ConvenedAsync();
        var created = await Client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = "aomori-shinjo-network",
                kind = "network-meeting",
                date = "2026-12-10",
                convening = scope.Select(c => new { organisationId = c.Id, added = false }).ToList(),
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var answer = await Client.GetAsync($"/aomori/api/meetings/{id}/notices?format=docx");
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal("notices.no_convened", await answer.ProblemCodeAsync());
    }

    [Fact]
    public async Task Replies_by_staff_and_through_the_link_make_the_expected_attendance()
    {
        var before = (await Client.GetFromJsonAsync<JsonElement>($"{Meeting}/replies"))
            .GetProperty("expectedAttendance")
            .GetInt32();
        var staff = await Client.PutAsJsonAsync(
            $"{Meeting}/replies/aomori-shinjo-bank",
            new
            {
                answer = "attending",
                headCount = 2,
                names = "支店長、係長",
                receivedVia = "fax",
            }
        );
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);

        // The letter to the post office carries its link; its token answers once.
        var html = await Client.GetStringAsync($"{Meeting}/notices?format=html&organisationId=aomori-shinjo-post");
        var token = Regex.Match(html, "/aomori/reply/([A-Za-z0-9_.-]+)").Groups[1].Value;
        Assert.NotEmpty(token);
        var anonymous = host.Platform.NewClient();
        var link = await anonymous.GetFromJsonAsync<JsonElement>($"/aomori/api/reply-links/{token}");
        Assert.Equal("新城地区の郵便局", link.GetProperty("organisationName").GetString());
        var page = await anonymous.GetStringAsync($"/aomori/reply/{token}");
        Assert.Contains("西部市民センター", page);
        Assert.DoesNotContain("新城地区の金融機関", page);
        var answered = await anonymous.PutAsJsonAsync(
            $"/aomori/api/reply-links/{token}",
            new { answer = "attending", headCount = 3 }
        );
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var again = await anonymous.PutAsJsonAsync(
            $"/aomori/api/reply-links/{token}",
            new { answer = "absent", headCount = 0 }
        );
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("reply.token_used", await again.ProblemCodeAsync());

        var replies = await Client.GetFromJsonAsync<JsonElement>($"{Meeting}/replies");
        Assert.Equal(before + 5, replies.GetProperty("expectedAttendance").GetInt32());
        var post = replies
            .GetProperty("organisations")
            .EnumerateArray()
            .Single(o => o.GetProperty("organisationId").GetString() == "aomori-shinjo-post")
            .GetProperty("reply");
        Assert.Equal(
            ("web", 3),
            (post.GetProperty("receivedVia").GetString(), post.GetProperty("headCount").GetInt32())
        );
        var meetingPage = await Client.GetStringAsync("/aomori/meetings/aomori-shinjo-network-h30");
        Assert.Contains($"出席見込み <strong>{before + 5}名</strong>", meetingPage);

        // The audit log names the link's answer.
        var audit = await Client.GetStringAsync("/aomori/api/audit");
        Assert.Contains("回答用リンク（新城地区の郵便局）", audit);
    }

    [Fact]
    public async Task A_changed_or_expired_token_is_refused_and_writes_nothing()
    {
        var anonymous = host.Platform.NewClient();
        var html = await Client.GetStringAsync($"{Meeting}/notices?format=html&organisationId=aomori-city-swc");
        var token = Regex.Match(html, "/aomori/reply/([A-Za-z0-9_.-]+)").Groups[1].Value;
        var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        var refused = await anonymous.PutAsJsonAsync($"/aomori/api/reply-links/{tampered}", new { answer = "absent" });
        Assert.Equal("reply.invalid_token", await refused.ProblemCodeAsync());
        var otherTenant = await anonymous.GetAsync($"/miyagi/api/reply-links/{token}");
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        var page = await anonymous.GetAsync($"/aomori/reply/{tampered}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("この回答用リンクは正しくありません。", await page.Content.ReadAsStringAsync());

        // A token issued 60 days ago by the same keys has expired (links last 30 days).
        var services = host.Platform.Services;
        var past = new ReplyLinks(
            services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<IDataProtectionProvider>(),
            new ShiftedTime(TimeSpan.FromDays(-60))
        );
        var old = past.Issue("aomori", "aomori-shinjo-network-h30", "aomori-city-swc");
        var expired = await anonymous.PutAsJsonAsync($"/aomori/api/reply-links/{old}", new { answer = "absent" });
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("reply.expired_token", await expired.ProblemCodeAsync());
        var expiredPage = await anonymous.GetAsync($"/aomori/reply/{old}");
        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Contains("有効期限が切れています", await expiredPage.Content.ReadAsStringAsync());

        var replies = await Client.GetFromJsonAsync<JsonElement>($"{Meeting}/replies");
        Assert.True(
            replies
                .GetProperty("organisations")
                .EnumerateArray()
                .Single(o => o.GetProperty("organisationId").GetString() == "aomori-city-swc")
                .GetProperty("reply")
                .ValueKind == JsonValueKind.Null
        );
    }

    [Fact]
    public async Task Bad_replies_are_refused_with_their_codes()
    {
        async Task<string?> Put(string organisation, object body) =>
            await (await Client.PutAsJsonAsync($"{Meeting}/replies/{organisation}", body)).ProblemCodeAsync();

        Assert.Equal("reply.not_convened", await Put("aomori-ono-swc", new { answer = "attending" }));
        Assert.Equal(
            "reply.invalid_count",
            await Put("aomori-shinjo-chokai", new { answer = "attending", headCount = -1 })
        );
        Assert.Equal(
            "reply.invalid_count",
            await Put("aomori-shinjo-chokai", new { answer = "absent", headCount = 2 })
        );
        Assert.Equal(
            "reply.invalid_count",
            await Put("aomori-shinjo-chokai", new { answer = "attending", headCount = 500 })
        );
        Assert.Equal("reply.invalid_answer", await Put("aomori-shinjo-chokai", new { answer = "maybe" }));
        Assert.Equal(
            "reply.invalid_via",
            await Put("aomori-shinjo-chokai", new { answer = "undecided", receivedVia = "pigeon" })
        );
        Assert.Equal(
            "reply.invalid_date",
            await Put("aomori-shinjo-chokai", new { answer = "undecided", receivedAt = "2026-02-30" })
        );
        var notFound = await Client.GetAsync($"{Meeting}/replies/aomori-shinjo-chokai");
        Assert.Equal("reply.not_found", await notFound.ProblemCodeAsync());
    }

    [Fact]
    public async Task The_template_sets_the_prefix_and_texts_of_the_letters()
    {
        var saved = await Client.PutAsJsonAsync(
            "/aomori/api/notice-template",
            new
            {
                prefix = "青地社",
                opening = "日頃よりお世話になっております。",
                closing = "ご出席をお願いします。",
                bring = "資料一式",
                contact = "新城地区社会福祉協議会　担当　青森　電話 017-000-0000",
                replyDaysBefore = 10,
                replyNote = "FAX 017-000-0001",
            }
        );
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var text = Text(
            await Client.GetByteArrayAsync($"{Meeting}/notices?format=docx&organisationId=aomori-shinjo-minjikyo")
        );
        Assert.Matches("青地社第[０-９]+号", text);
        Assert.Contains("資料一式", text);
        Assert.Contains("平成３０年１１月１２日（月）まで", text);
        Assert.Contains("FAX 017-000-0001", text);

        var bad = await Client.PutAsJsonAsync("/aomori/api/notice-template", new { replyDaysBefore = 99 });
        Assert.Equal("notices.invalid_reply_days", await bad.ProblemCodeAsync());
        var viewer = await host.Platform.ClientForAsync("aomori-viewer");
        var forbidden = await viewer.PutAsJsonAsync("/aomori/api/notice-template", new { prefix = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_letter_to_an_organisation_with_a_head_is_addressed_to_them()
    {
        var person = await Client.PostAsJsonAsync(
            "/aomori/api/people",
            new
            {
                name = "青森　一郎",
                title = "会長",
                organisationId = "aomori-shinjo-chokai",
            }
        );
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var text = Text(
            await Client.GetByteArrayAsync($"{Meeting}/notices?format=docx&organisationId=aomori-shinjo-chokai")
        );
        Assert.Contains("会長　青森　一郎　様", text);
        Assert.DoesNotContain("御中", text);
    }

    [Fact]
    public async Task A_held_meeting_without_attendance_starts_its_attendance_from_the_replies()
    {
        var created = await Client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId = "aomori-shinjo-network",
                kind = "network-meeting",
                date = "2026-06-01",
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var reply = await Client.PutAsJsonAsync(
            $"/aomori/api/meetings/{id}/replies/aomori-shinjo-minjikyo",
            new { answer = "attending", headCount = 3 }
        );
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var before = await Client.GetStringAsync($"/aomori/meetings/{id}");
        Assert.DoesNotContain("attendance-from-replies", before);
        var held = await Client.PostAsJsonAsync($"/aomori/api/meetings/{id}/status", new { status = "held" });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var page = await Client.GetStringAsync($"/aomori/meetings/{id}");
        Assert.Contains("attendance-from-replies", page);
        Assert.Contains("新城地区民児協(3)</textarea>", page);
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow().Add(shift);
    }
}

public sealed class NoticesOnSqlite(NoticeHost.Sqlite host) : NoticeTests(host), IClassFixture<NoticeHost.Sqlite>;

public sealed class NoticesOnPostgres(NoticeHost.Postgres host) : NoticeTests(host), IClassFixture<NoticeHost.Postgres>;
