using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Platform.Host.Admin;

/// <summary>The cluster as the platform administrator sees it: its hosts (silos), what runs on each, who
/// left.</summary>
/// <param name="ClusterId">The cluster's id (<c>Silo:ClusterId</c>; <c>sasaeai-local</c> on the embedded
/// default).</param>
/// <param name="ReadAt">When this was read.</param>
/// <param name="Silos">The silos that are in the cluster now (joining, active, stopping), oldest first.</param>
/// <param name="Grains">Activations per grain kind and silo, most first.</param>
/// <param name="Failovers">Silos that left the cluster, latest first (at most <see cref="ClusterStatus.MaxDeparted"/>):
/// declared dead by others after missed probes, or stopped of their own accord (no suspicions).</param>
public sealed record ClusterView(
    string ClusterId,
    DateTimeOffset ReadAt,
    IReadOnlyList<SiloView> Silos,
    IReadOnlyList<GrainCount> Grains,
    IReadOnlyList<DepartedSilo> Failovers
);

/// <summary>One silo (one host's Orleans runtime).</summary>
/// <param name="Address">Its address, <c>ip:port@generation</c>.</param>
/// <param name="Status"><c>created</c>, <c>joining</c>, <c>active</c>, <c>shuttingDown</c>, <c>stopping</c> or
/// <c>dead</c>.</param>
/// <param name="Activations">Grain activations on it; null when it did not answer within two seconds.</param>
/// <param name="Suspicions">Votes of other silos that it stopped answering their probes (a silo under
/// suspicion).</param>
public sealed record SiloView(
    string Address,
    string Name,
    string HostName,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAliveAt,
    int? Activations,
    IReadOnlyList<Suspicion> Suspicions
);

/// <summary>How many activations of one grain kind (<c>MeetingGrain</c>, <c>DistrictGrain</c> …) a silo
/// holds.</summary>
public sealed record GrainCount(string Kind, string Silo, int Activations);

/// <summary>A silo that left the cluster.</summary>
/// <param name="Cause"><c>failure</c>: declared dead by the others (its votes are in <see cref="SuspectedBy"/>, the
/// last one is the silo that declared it dead); <c>shutdown</c>: it stopped and said so itself.</param>
/// <param name="LeftAt">When it was declared dead (the last vote), or its last sign of life after a shutdown.</param>
public sealed record DepartedSilo(
    string Address,
    string Name,
    string HostName,
    string Cause,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAliveAt,
    DateTimeOffset LeftAt,
    IReadOnlyList<Suspicion> SuspectedBy
);

/// <summary>A silo's vote that another stopped answering, and when.</summary>
public sealed record Suspicion(string By, DateTimeOffset At);

/// <summary>
/// Reads the cluster from Orleans' management grain: the membership table (ours, <c>DatabaseMembershipTable</c>, with
/// <c>Silo:Clustering=Database</c>; Orleans' own on the embedded default) and each live silo's activation counts. A
/// silo that does not answer (killed, not yet declared dead) is shown without counts rather than holding the page.
/// </summary>
public static class ClusterStatus
{
    /// <summary>How many departed silos are shown; Orleans keeps dead entries a week.</summary>
    public const int MaxDeparted = 20;

    private static readonly TimeSpan SiloAnswer = TimeSpan.FromSeconds(2);

    public static async Task<ClusterView> ReadAsync(
        IGrainFactory grains,
        IOptions<ClusterOptions> cluster,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var entries = await management.GetDetailedHosts(onlyActive: false).WaitAsync(cancellationToken);
        var present = entries.Where(e => e.Status != SiloStatus.Dead).OrderBy(e => e.StartTime).ToList();
        var counts = await Task.WhenAll(
            present
                .Where(e => e.Status == SiloStatus.Active)
                .Select(e => StatisticsOrNullAsync(management, e.SiloAddress, cancellationToken))
        );
        var answered = counts.Where(c => c is not null).SelectMany(c => c!).ToList();
        var bySilo = counts
            .Where(c => c is not null)
            .SelectMany(c => c!)
            .GroupBy(s => s.SiloAddress.ToParsableString())
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
        var silos = present
            .Select(e =>
            {
                var address = e.SiloAddress.ToParsableString();
                return new SiloView(
                    address,
                    e.SiloName,
                    e.HostName,
                    StatusName(e.Status),
                    Utc(e.StartTime),
                    Utc(e.IAmAliveTime),
                    bySilo.TryGetValue(address, out var n) ? n : null,
                    Votes(e)
                );
            })
            .ToList();
        var kinds = answered
            .GroupBy(s => (Kind: KindOf(s.GrainType), Silo: s.SiloAddress.ToParsableString()))
            .Select(g => new GrainCount(g.Key.Kind, g.Key.Silo, g.Sum(s => s.ActivationCount)))
            .OrderByDescending(g => g.Activations)
            .ThenBy(g => g.Kind, StringComparer.Ordinal)
            .ToList();
        var departed = entries
            .Where(e => e.Status == SiloStatus.Dead)
            .Select(Departed)
            .OrderByDescending(d => d.LeftAt)
            .Take(MaxDeparted)
            .ToList();
        return new ClusterView(cluster.Value.ClusterId, time.GetUtcNow(), silos, kinds, departed);
    }

    /// <summary>The silo's activation counts, or null when it does not answer in time (it may be gone).</summary>
    private static async Task<SimpleGrainStatistic[]?> StatisticsOrNullAsync(
        IManagementGrain management,
        SiloAddress silo,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await management.GetSimpleGrainStatistics([silo]).WaitAsync(SiloAnswer, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException)
        {
            return null;
        }
    }

    private static DepartedSilo Departed(MembershipEntry e)
    {
        var votes = Votes(e);
        var lastAlive = Utc(e.IAmAliveTime);
        return new DepartedSilo(
            e.SiloAddress.ToParsableString(),
            e.SiloName,
            e.HostName,
            votes.Count > 0 ? "failure" : "shutdown",
            Utc(e.StartTime),
            lastAlive,
            votes.Count > 0 ? votes.Max(v => v.At) : lastAlive,
            votes
        );
    }

    private static List<Suspicion> Votes(MembershipEntry e) =>
        (e.SuspectTimes ?? [])
            .Select(s => new Suspicion(s.Item1.ToParsableString(), Utc(s.Item2)))
            .OrderBy(s => s.At)
            .ToList();

    /// <summary>Orleans' name for a status, in the API's camelCase.</summary>
    public static string StatusName(SiloStatus status) =>
        status switch
        {
            SiloStatus.Created => "created",
            SiloStatus.Joining => "joining",
            SiloStatus.Active => "active",
            SiloStatus.ShuttingDown => "shuttingDown",
            SiloStatus.Stopping => "stopping",
            SiloStatus.Dead => "dead",
            _ => "none",
        };

    /// <summary>A grain class's short name (<c>Platform.Core.Records.MeetingGrain</c> → <c>MeetingGrain</c>).</summary>
    public static string KindOf(string grainType)
    {
        var name = grainType.Split(',')[0].Split('`')[0].Split('[')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    // Membership times are UTC DateTimes (Kind may be Unspecified after a round trip through the database).
    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero);
}
