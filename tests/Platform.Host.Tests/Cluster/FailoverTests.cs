using System.Net;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Cluster;

/// <summary>
/// Three hosts behind nginx while recorders write and pages follow: the host holding the meetings' grains is killed,
/// or every host is restarted in turn. Nothing acknowledged is lost or stored twice, every page receives every entry,
/// and writes are taken again within seconds (README, "Running several hosts", has the figures).
/// </summary>
[RunsLong(180)]
public sealed class FailoverTests(ThreeHostsFixture fixture, ITestOutputHelper output)
    : IClassFixture<ThreeHostsFixture>,
        IAsyncLifetime
{
    private const int Meetings = 3;
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(5);

    private ThreeHosts Cluster => fixture.Cluster;

    public Task InitializeAsync() => Cluster.AllUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Killing_the_host_of_live_meetings_loses_nothing_and_writes_resume_within_five_seconds()
    {
        // The meetings are opened through host 0, so their grains live there (the first host to ask keeps them).
        var meetings = await RecordingLoad.MeetingsAsync(
            await Cluster.HostClientAsync(0, "aomori-coordinator"),
            Meetings
        );
        var load = new RecordingLoad(await Cluster.ClientAsync("aomori-coordinator"), meetings);
        using var stopWriting = new CancellationTokenSource();
        using var stopFollowing = new CancellationTokenSource();
        var running = load.Run(2, 2, stopWriting.Token, stopFollowing.Token);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = load.Now;
        await Cluster.KillAsync(0);
        // Long enough for the slowest meeting to be taken over, and for writes to go on after it.
        await Task.Delay(FailoverLimit + TimeSpan.FromSeconds(3));
        await FinishAsync(load, stopWriting, stopFollowing, running);
        output.WriteLine($"killed at {killedAt.TotalSeconds:F1} s");
        foreach (var r in load.Refused.OrderBy(r => r.At).Take(10))
            output.WriteLine($"  refused {r.At.TotalSeconds:F1} s: {(int)r.Status} {r.Code}");
        foreach (var l in load.Lost.OrderBy(r => r.At).Take(10))
            output.WriteLine($"  lost {l.At.TotalSeconds:F1} s: {l.Error}");

        foreach (var (meeting, _) in meetings)
        {
            // The longest time the meeting took no write: around the kill, the failover.
            var times = load.Acknowledged.Where(a => a.Meeting == meeting).Select(a => a.At).Order().ToList();
            var gap = times.Zip(times.Skip(1), (a, b) => b - a).Max();
            output.WriteLine($"{meeting}: longest time without an acknowledged write {gap.TotalSeconds:F1} s");
            Assert.True(gap <= FailoverLimit, $"{meeting}: {gap.TotalSeconds:F1} s without an acknowledged write");
            // The meeting was on the killed host: its writes were refused for a moment.
            Assert.Contains(load.Refused, r => r.Meeting == meeting && r.At > killedAt);
        }
        await AssertNothingLostOrDoubledAsync(load);
    }

    [Fact]
    public async Task Restarting_every_host_in_turn_loses_nothing_and_no_page_needs_a_reload()
    {
        var meetings = await RecordingLoad.MeetingsAsync(
            await Cluster.HostClientAsync(0, "aomori-coordinator"),
            Meetings
        );
        var load = new RecordingLoad(await Cluster.ClientAsync("aomori-coordinator"), meetings);
        using var stopWriting = new CancellationTokenSource();
        using var stopFollowing = new CancellationTokenSource();
        var running = load.Run(2, 2, stopWriting.Token, stopFollowing.Token);

        for (var host = 0; host < 3; host++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var before = load.Acknowledged.Count;
            var stopping = load.Now;
            await Cluster.StopAsync(host);
            var stopped = load.Now;
            await Cluster.StartAsync(host);
            output.WriteLine(
                $"host {host} stopped in {(stopped - stopping).TotalSeconds:F1} s, started in "
                    + $"{(load.Now - stopped).TotalSeconds:F1} s; {load.Acknowledged.Count - before} acknowledged meanwhile"
            );
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        await FinishAsync(load, stopWriting, stopFollowing, running);
        foreach (var log in Cluster.Logs)
            output.WriteLine(log);
        await AssertNothingLostOrDoubledAsync(load);
    }

    /// <summary>Stops the writers and waits for their last answers, lets the followers catch up (at most 15 s), then
    /// stops them.</summary>
    private static async Task FinishAsync(
        RecordingLoad load,
        CancellationTokenSource stopWriting,
        CancellationTokenSource stopFollowing,
        (Task Writing, Task Following) running
    )
    {
        await stopWriting.CancelAsync();
        await running.Writing;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !CaughtUp(load))
            await Task.Delay(100);
        await stopFollowing.CancelAsync();
        await running.Following;
    }

    private static bool CaughtUp(RecordingLoad load) =>
        load.Acknowledged.All(a =>
            load.Followed.Where(f => f.Key.Meeting == a.Meeting).All(f => f.Value.ContainsKey(a.Id))
        );

    private async Task AssertNothingLostOrDoubledAsync(RecordingLoad load)
    {
        var stored = await load.StoredAsync();
        output.WriteLine(
            $"{load.Acknowledged.Count} acknowledged, {stored.Count} stored, {load.Refused.Count} refused "
                + $"({string.Join(", ", load.Refused.GroupBy(r => $"{(int)r.Status} {r.Code}").Select(g => $"{g.Key}: {g.Count()}"))}), "
                + $"{load.Lost.Count} connections lost"
        );
        Assert.True(load.Acknowledged.Count > 50, $"only {load.Acknowledged.Count} opinions acknowledged");
        // Every acknowledged opinion is stored, once: the texts are unique per write, the ids per entry.
        Assert.Empty(stored.GroupBy(s => s.Text).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(load.Acknowledged.Select(a => a.Id).Except(stored.Select(s => s.Id)));
        Assert.DoesNotContain(load.Acknowledged.GroupBy(a => a.Text), g => g.Select(a => a.Id).Distinct().Count() > 1);
        // Nothing stored that no writer was told about, once the last writes were answered.
        Assert.Empty(stored.Select(s => s.Text).Except(load.Acknowledged.Select(a => a.Text)));
        // Every page received every entry, once.
        foreach (var ((meeting, follower), seen) in load.Followed)
        {
            var missing = load.Acknowledged.Where(a => a.Meeting == meeting && !seen.ContainsKey(a.Id)).ToList();
            Assert.True(
                missing.Count == 0,
                $"follower {follower} of {meeting} missed {missing.Count}: {string.Join(", ", missing.Select(m => m.At.TotalSeconds.ToString("F1")))}"
            );
            Assert.All(seen, s => Assert.Equal(1, s.Value));
        }
        // A refused write was a 503 that says when to try again; never a 500.
        Assert.All(
            load.Refused,
            r =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status);
                Assert.True(r.RetryAfter, $"{r.Code} without Retry-After");
            }
        );
    }
}

/// <summary>One cluster for the class: each test starts again the hosts the one before stopped.</summary>
public sealed class ThreeHostsFixture : IAsyncLifetime
{
    public ThreeHosts Cluster { get; private set; } = default!;

    public async Task InitializeAsync() => Cluster = await ThreeHosts.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
