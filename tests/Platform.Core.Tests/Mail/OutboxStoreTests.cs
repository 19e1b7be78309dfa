using Platform.Abstractions.Tenancy;
using Platform.Core.Mail;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Core.Tests.Mail;

/// <summary>The outbox on each provider: a dedupe key queues once, two hosts never claim one mail, a lost claim
/// cannot mark a mail sent, and a released mail waits for its next attempt.</summary>
public class OutboxStoreTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static async Task<(TestDatabase Test, ManualClock Clock, OutboxStore Store)> ArrangeAsync(
        DatabaseProvider provider
    )
    {
        var test = await Migrated.DatabaseAsync(provider);
        await new TenantStore(test.Open()).CreateAsync(
            new NewTenant("aomori", "青森市", TenantKind.Municipality, "022012")
        );
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        return (test, clock, new OutboxStore(test.Open(), clock));
    }

    private static OutgoingMail Mail(string key, params MailAttachment[] attachments) =>
        new("notice", key, $"{key}@example.jp", "団体", $"件名 {key}", "本文", null, attachments);

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_dedupe_key_is_queued_once_and_its_attachment_comes_back_whole(DatabaseProvider provider)
    {
        var (test, _, store) = await ArrangeAsync(provider);
        await using var _ = test;
        var letter = new MailAttachment("開催通知.txt", "text/plain; charset=utf-8", [1, 2, 3, 0, 255]);

        var first = await store.QueueAsync("aomori", [Mail("a", letter), Mail("b"), Mail("a")], "city.example.jp");
        var second = await store.QueueAsync("aomori", [Mail("a"), Mail("c")], "city.example.jp");

        Assert.Equal(["a", "b"], first.Order());
        Assert.Equal(["c"], second);
        var claimed = await store.ClaimAsync(10, Lease);
        Assert.Equal(3, claimed.Count);
        var a = claimed.Single(m => m.Recipient == "a@example.jp");
        Assert.Equal(letter.Content, Assert.Single(a.Attachments).Content);
        Assert.EndsWith("@city.example.jp", a.MessageId);
        Assert.Equal(1, a.Attempts);
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hosts_claiming_at_once_never_claim_the_same_mail(DatabaseProvider provider)
    {
        var (test, clock, store) = await ArrangeAsync(provider);
        await using var _ = test;
        await store.QueueAsync("aomori", Enumerable.Range(0, 30).Select(i => Mail($"m{i}")).ToList(), "x.jp");
        var other = new OutboxStore(test.Open(), clock);

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? store : other).ClaimAsync(30, Lease))
        );

        var ids = claims.SelectMany(c => c.Select(m => m.Id)).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct().Count());
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_and_cannot_mark_the_mail_sent(DatabaseProvider provider)
    {
        var (test, clock, store) = await ArrangeAsync(provider);
        await using var _ = test;
        await store.QueueAsync("aomori", [Mail("a")], "x.jp");
        var stale = Assert.Single(await store.ClaimAsync(10, Lease));
        Assert.Empty(await store.ClaimAsync(10, Lease));

        clock.Now += Lease + TimeSpan.FromSeconds(1);
        var fresh = Assert.Single(await store.ClaimAsync(10, Lease));

        Assert.Equal(2, fresh.Attempts);
        Assert.False(await store.MarkSentAsync(stale));
        Assert.True(await store.MarkSentAsync(fresh));
        var row = Assert.Single(await store.ListAsync("aomori", null, 10));
        Assert.Equal("sent", row.Status);
        Assert.NotNull(row.SentAt);
        Assert.Empty(await store.ListAsync("miyagi", null, 10));
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_released_mail_waits_for_its_next_attempt_and_a_given_up_one_is_failed(DatabaseProvider provider)
    {
        var (test, clock, store) = await ArrangeAsync(provider);
        await using var _ = test;
        await store.QueueAsync("aomori", [Mail("a"), Mail("b")], "x.jp");
        var claimed = await store.ClaimAsync(10, Lease);
        var a = claimed.Single(m => m.Recipient == "a@example.jp");
        var b = claimed.Single(m => m.Recipient == "b@example.jp");

        await store.ReleaseAsync(a, false, clock.Now + TimeSpan.FromMinutes(1), "メールサーバーに接続できません");
        await store.ReleaseAsync(b, true, clock.Now, "550 no such user");

        Assert.Empty(await store.ClaimAsync(10, Lease));
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal("a@example.jp", Assert.Single(await store.ClaimAsync(10, Lease)).Recipient);
        var failed = Assert.Single(await store.ListAsync("aomori", "failed", 10));
        Assert.Equal("550 no such user", failed.LastError);
    }
}

/// <summary>Mail settings and addresses: what stops the host at start, and what the outbox refuses.</summary>
public class MailRulesTests
{
    [Fact]
    public void A_mail_server_without_a_sender_or_with_half_a_login_stops_the_host_naming_the_key()
    {
        var validator = new MailOptionsValidator();

        var noFrom = validator.Validate(null, new MailOptions { Host = "smtp.city.example.jp" });
        var halfLogin = validator.Validate(
            null,
            new MailOptions
            {
                Host = "smtp.city.example.jp",
                From = "kaigi@city.example.jp",
                User = "kaigi",
            }
        );
        var shortLease = validator.Validate(null, new MailOptions { Lease = TimeSpan.FromSeconds(10) });

        Assert.Contains("Mail:From", noFrom.FailureMessage);
        Assert.Contains("Mail:Password", halfLogin.FailureMessage);
        Assert.Contains("Mail:Lease", shortLease.FailureMessage);
        Assert.True(validator.Validate(null, new MailOptions()).Succeeded);
        Assert.False(new MailOptions().Configured);
    }

    [Theory]
    [InlineData("info@example.jp", true)]
    [InlineData("ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ", true)]
    [InlineData("not an address", false)]
    [InlineData("a@b", false)]
    [InlineData("名前 <a@example.jp>", false)]
    [InlineData("a@example.jp, b@example.jp", false)]
    [InlineData("a@example.jp\r\nBcc: x@evil.example", false)]
    public void An_address_is_one_plain_mailbox(string input, bool valid)
    {
        var (address, refusal) = MailRules.CheckAddress(input);
        Assert.Equal(valid, address is not null);
        Assert.Equal(!valid, refusal.Any);
    }

    [Fact]
    public void The_wait_after_a_failure_doubles_up_to_its_limit()
    {
        var o = new MailOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(30) };
        Assert.Equal(TimeSpan.FromSeconds(30), MailSender.Backoff(o, 1));
        Assert.Equal(TimeSpan.FromSeconds(60), MailSender.Backoff(o, 2));
        Assert.Equal(TimeSpan.FromMinutes(16), MailSender.Backoff(o, 6));
        Assert.Equal(TimeSpan.FromMinutes(30), MailSender.Backoff(o, 7));
        Assert.Equal(TimeSpan.FromMinutes(30), MailSender.Backoff(o, 500));
    }
}
