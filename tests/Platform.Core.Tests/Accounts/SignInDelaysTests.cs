using Platform.Core.Accounts;

namespace Platform.Core.Tests.Accounts;

public class SignInDelaysTests
{
    [Fact]
    public async Task Guesses_sent_at_once_are_counted_before_any_is_checked_so_only_the_free_ones_get_through()
    {
        var delays = new SignInDelays(TimeProvider.System);
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable
            .Range(0, 32)
            .Select(i =>
                Task.Run(() =>
                {
                    start.Wait();
                    return delays.Attempt("Admin ", $"10.0.0.{i}");
                })
            )
            .ToList();
        start.Set();
        var waits = await Task.WhenAll(attempts);

        Assert.Equal(SignInDelays.FreeFailures, waits.Count(w => w == TimeSpan.Zero));
        Assert.True(
            delays.Attempt("admin", "10.0.1.1") > TimeSpan.Zero,
            "the name is counted trimmed and in lower case"
        );
    }

    [Fact]
    public void Signing_into_ones_own_account_takes_back_only_ones_own_attempt_from_the_address()
    {
        var delays = new SignInDelays(TimeProvider.System);
        for (var i = 0; i < SignInDelays.FreeFailures - 1; i++)
            Assert.Equal(TimeSpan.Zero, delays.Attempt($"victim{i}", "2001:db8::1"));
        Assert.Equal(TimeSpan.Zero, delays.Attempt("guesser", "2001:db8::2"));
        delays.Succeeded("guesser", "2001:db8::2");

        Assert.Equal(TimeSpan.Zero, delays.Attempt("victim9", "2001:db8::3"));
        Assert.True(
            delays.Attempt("victim10", "2001:db8::4") > TimeSpan.Zero,
            "one /64 counts as one address, and the guesser's success did not clear it"
        );
    }
}
