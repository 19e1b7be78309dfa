using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Core.Mail;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Host.Tests.Mail;

/// <summary>One host configured for a real SMTP server on a loopback port, shared by the class; the server is the
/// class's too, stopped and started by the test that needs it down.</summary>
public sealed class MailHost : IAsyncLifetime
{
    /// <summary>The attachment limit of this host: a notice letter is some 500 bytes, one with a long venue
    /// more.</summary>
    public const int AttachmentLimit = 3200;

    public LocalSmtpServer Smtp { get; } = new();
    public TestDatabase Database { get; private set; } = default!;
    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (LocalSmtpServer.Python is null)
            return;
        await Smtp.StartAsync();
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(
            Database,
            false,
            "--Mail:Host=127.0.0.1",
            $"--Mail:Port={Smtp.Port}",
            "--Mail:From=kaigi@city.example.jp",
            "--Mail:StartTls=false",
            "--Mail:PollInterval=00:00:00.100",
            "--Mail:RetryDelay=00:00:00.200",
            "--Mail:MaxRetryDelay=00:00:00.500",
            "--Mail:SmtpTimeout=00:00:05",
            "--Mail:ReminderDaysBefore=3",
            $"--Mail:MaxAttachmentBytes={AttachmentLimit}",
            "--Mail:SiteUrl=https://kaigi.example.jp"
        );
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null)
            await Platform.DisposeAsync();
        if (Database is not null)
            await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Mail through a real SMTP server (aiosmtpd): notices with their letters, reminders planned while the server is
/// down and sent when it is back, each exactly once; the weekly digest; refusals of bad addresses and large
/// letters.
/// </summary>
public sealed class MailOutboxTests(MailHost host) : IClassFixture<MailHost>
{
    private const string Tenant = "aomori";

    // Three of the network body's five default organisations get an address; the other two are skipped.
    private static readonly Dictionary<string, string> Addresses = new()
    {
        ["aomori-shinjo-swc"] = "swc@shinjo.example.jp",
        ["aomori-shinjo-chokai"] = "chokai@shinjo.example.jp",
        ["aomori-shinjo-minjikyo"] = "minjikyo@shinjo.example.jp",
    };

    private static DateOnly Today => Clock.TodayInJapan();

    private HttpClient Client => host.Platform.Client;

    private static void SkipWithoutAiosmtpd() =>
        Skip.If(
            LocalSmtpServer.Python is null,
            "Debian's python3-aiosmtpd is not installed (build/test.sh installs it): no SMTP server to test against"
        );

    [SkippableFact]
    public async Task Notices_and_reminders_arrive_exactly_once_when_the_server_goes_down_and_comes_back()
    {
        SkipWithoutAiosmtpd();
        await GiveAddressesAsync();
        var meeting = await NewMeetingAsync("メール通知の確認会議", Today.AddDays(20));

        var first = await QueueNoticesAsync(meeting);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("mails").GetArrayLength());
        Assert.All(result.GetProperty("mails").EnumerateArray(), m => Assert.Equal("queued", Str(m, "status")));
        Assert.Equal(2, result.GetProperty("skipped").GetArrayLength());
        var notices = await ReceivedAsync(m => Str(m, "subject").Contains("メール通知の確認会議"), 3);
        Assert.All(notices, m => Assert.Single(m.GetProperty("attachments").EnumerateArray()));
        Assert.Contains("御中", Str(notices[0], "text"));

        // Queued twice, sent once.
        var again = await (await QueueNoticesAsync(meeting)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(again.GetProperty("mails").EnumerateArray(), m => Assert.Equal("alreadyQueued", Str(m, "status")));

        // The server goes down; a meeting in two days gets its reminders planned (twice: queued once).
        await host.Smtp.StopAsync();
        await NewMeetingAsync("メール再送の確認会議", Today.AddDays(2));
        var planner = host.Platform.Services.GetRequiredService<MailPlanner>();
        var tenant = (await host.Platform.Services.GetRequiredService<TenantStore>().FindAsync(Tenant))!;
        Assert.True(await planner.PlanRemindersAsync(tenant, Today, CancellationToken.None) >= 3);
        Assert.Equal(0, await planner.PlanRemindersAsync(tenant, Today, CancellationToken.None));
        var waiting = await OutboxAsync(rows =>
            rows.Count(r =>
                Str(r, "subject").Contains("メール再送の確認会議") && r.GetProperty("attempts").GetInt32() >= 2
            ) == 3
        );
        Assert.All(
            waiting.Where(r => Str(r, "subject").Contains("メール再送の確認会議")),
            r =>
            {
                // Queued for the next attempt, or in one (the sender retries every few hundred milliseconds here).
                Assert.Contains(Str(r, "status"), new[] { "queued", "sending" });
                Assert.Contains("接続できません", Str(r, "lastError"));
            }
        );

        await host.Smtp.StartAsync();
        await OutboxAsync(rows =>
            rows.Count(r => Str(r, "subject").Contains("メール再送の確認会議") && Str(r, "status") == "sent") == 3
        );
        var reminders = await ReceivedAsync(m => Str(m, "subject").Contains("メール再送の確認会議"), 3);
        Assert.Equal(Addresses.Values.Order(), reminders.Select(m => m.GetProperty("to")[0].GetString()).Order());

        // Every mail of these two meetings exactly once: by Message-ID, and by recipient and subject.
        var mine = host
            .Smtp.Received()
            .Where(m =>
                Str(m, "subject").Contains("メール通知の確認会議") || Str(m, "subject").Contains("メール再送の確認会議")
            )
            .ToList();
        Assert.Equal(6, mine.Count);
        Assert.Equal(6, mine.Select(m => Str(m, "messageId")).Distinct().Count());
        Assert.Equal(6, mine.Select(m => (m.GetProperty("to")[0].GetString(), Str(m, "subject"))).Distinct().Count());
        Assert.All(reminders, m => Assert.Contains("日時：" + Wareki.Format(Today.AddDays(2)), Str(m, "text")));
    }

    [SkippableFact]
    public async Task The_weekly_digest_lists_unconfirmed_summaries_and_overdue_actions_once_a_week()
    {
        SkipWithoutAiosmtpd();
        var held = await NewMeetingAsync("週次まとめ確認用の開催済み会議", FiscalYear.Of(Today).Start);
        (
            await Client.PostAsJsonAsync($"/{Tenant}/api/meetings/{held}/status", new { status = "held" })
        ).EnsureSuccessStatusCode();
        (
            await Client.PostAsJsonAsync(
                $"/{Tenant}/api/meetings/{held}/actions",
                new { title = "週次まとめ確認用の期限切れ対応", dueDate = Today.AddDays(-3).ToString("yyyy-MM-dd") }
            )
        ).EnsureSuccessStatusCode();
        var set = await Client.PutAsJsonAsync(
            $"/{Tenant}/api/mail/recipients/aomori-coordinator",
            new { address = "coordinator@city.example.jp" }
        );
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var planner = host.Platform.Services.GetRequiredService<MailPlanner>();
        var tenant = (await host.Platform.Services.GetRequiredService<TenantStore>().FindAsync(Tenant))!;
        var sunday = Today.AddDays((7 - (int)Today.DayOfWeek) % 7);
        // At least the coordinator's (the mail page's test may have given the admin an address too).
        Assert.True(await planner.PlanDigestsAsync(tenant, sunday, CancellationToken.None) >= 1);
        Assert.Equal(0, await planner.PlanDigestsAsync(tenant, sunday, CancellationToken.None));

        var digest = Assert.Single(
            await ReceivedAsync(m => m.GetProperty("to")[0].GetString() == "coordinator@city.example.jp", 1)
        );
        var text = Str(digest, "text");
        Assert.Contains("週次まとめ確認用の開催済み会議", text);
        Assert.Contains("週次まとめ確認用の期限切れ対応", text);
        Assert.Contains($"https://kaigi.example.jp/{Tenant}/meetings/{held}", text);
    }

    [SkippableFact]
    public async Task A_mail_address_that_is_not_one_is_refused()
    {
        SkipWithoutAiosmtpd();
        foreach (var bad in new[] { "not an address", "a@b", "名前 <a@example.jp>", "a@example.jp, b@example.jp" })
        {
            var answer = await Client.PutAsJsonAsync(
                $"/{Tenant}/api/mail/recipients/aomori-coordinator",
                new { address = bad }
            );
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("mail.invalid_address", await answer.ProblemCodeAsync());
        }
        var recorder = await Client.PutAsJsonAsync(
            $"/{Tenant}/api/mail/recipients/aomori-recorder",
            new { address = "recorder@city.example.jp" }
        );
        Assert.Equal("mail.not_coordinator", await recorder.ProblemCodeAsync());
    }

    // Kanji that do not repeat, so that the letter's zip cannot squeeze them: a Word letter of ~2.4 KB grows past the
    // limit only with text that stays large when compressed.
    private static string Varied(int length, int offset) =>
        string.Concat(Enumerable.Range(0, length).Select(i => (char)(0x4E00 + (i * 97 + offset * 7919) % 6000)));

    [SkippableFact]
    public async Task A_letter_over_the_attachment_limit_is_refused_and_nothing_is_queued()
    {
        SkipWithoutAiosmtpd();
        await GiveAddressesAsync();
        var meeting = await NewMeetingAsync(
            "添付上限の確認会議",
            Today.AddDays(30),
            venue: Varied(200, 0),
            room: Varied(200, 1)
        );

        var answer = await QueueNoticesAsync(meeting);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("mail.attachment_too_large", await answer.ProblemCodeAsync());
        var outbox = await Client.GetFromJsonAsync<JsonElement>($"/{Tenant}/api/mail/outbox");
        Assert.DoesNotContain(
            outbox.GetProperty("mails").EnumerateArray(),
            r => Str(r, "subject").Contains("添付上限の確認会議")
        );
    }

    [SkippableFact]
    public async Task The_mail_page_saves_a_digest_address_without_javascript_and_refuses_a_bad_one_beside_it()
    {
        SkipWithoutAiosmtpd();
        var admin = await host.Platform.ClientForAsync("aomori-admin");
        admin.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var refused = await admin.PostAsync(
            $"/{Tenant}/admin/mail/recipients",
            new FormUrlEncodedContent([new("userName", "aomori-admin"), new("address", "管理者アドレス")])
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("メールアドレスの形式が正しくありません", await refused.Content.ReadAsStringAsync());

        var saved = await admin.PostAsync(
            $"/{Tenant}/admin/mail/recipients",
            new FormUrlEncodedContent([new("userName", "aomori-admin"), new("address", "admin@city.example.jp")])
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/{Tenant}/admin/mail?saved=true", saved.Headers.Location?.OriginalString);
        var page = await admin.GetStringAsync($"/{Tenant}/admin/mail?saved=true");
        Assert.Contains("value=\"admin@city.example.jp\"", page);
        Assert.DoesNotContain("メール送信は設定されていません", page);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await (await host.Platform.ClientForAsync("aomori-coordinator")).GetAsync($"/{Tenant}/admin/mail")
            ).StatusCode
        );
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";

    private Task<HttpResponseMessage> QueueNoticesAsync(string meetingId) =>
        Client.PostAsJsonAsync($"/{Tenant}/api/meetings/{meetingId}/notices/mail", new { });

    private async Task GiveAddressesAsync()
    {
        foreach (var (id, email) in Addresses)
        {
            var o = await Client.GetFromJsonAsync<JsonElement>($"/{Tenant}/api/organisations/{id}");
            var patched = await Client.PatchAsJsonAsync(
                $"/{Tenant}/api/organisations/{id}",
                new
                {
                    name = Str(o, "name"),
                    typeId = Str(o, "typeId"),
                    districtId = Str(o, "districtId"),
                    contact = new { email },
                }
            );
            Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());
        }
    }

    private async Task<string> NewMeetingAsync(string title, DateOnly date, string? venue = null, string? room = null)
    {
        var created = await Client.PostAsJsonAsync(
            $"/{Tenant}/api/meetings",
            new
            {
                bodyId = "aomori-shinjo-network",
                title,
                date = date.ToString("yyyy-MM-dd"),
                slots = new[] { new { start = "13:30", end = "15:00" } },
                venue,
                room,
            }
        );
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Waits (polling, 10 s at most) until the server has received <paramref name="count"/> matching
    /// messages, then a little longer to catch a duplicate.</summary>
    private async Task<IReadOnlyList<JsonElement>> ReceivedAsync(Func<JsonElement, bool> match, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Smtp.Received().Count(match) < count && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await Task.Delay(300);
        var received = host.Smtp.Received().Where(match).ToList();
        Assert.Equal(count, received.Count);
        return received;
    }

    private async Task<IReadOnlyList<JsonElement>> OutboxAsync(Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var outbox = await Client.GetFromJsonAsync<JsonElement>($"/{Tenant}/api/mail/outbox");
            var rows = outbox.GetProperty("mails").EnumerateArray().ToList();
            if (done(rows))
                return rows;
            Assert.True(DateTime.UtcNow < deadline, "the outbox did not get there: " + outbox);
            await Task.Delay(100);
        }
    }
}
