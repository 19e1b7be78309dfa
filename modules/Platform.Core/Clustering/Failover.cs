using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Platform.Core.Clustering;

/// <summary>
/// How fast the cluster declares a lost host dead, so that its meetings' grains start again on a live host. Orleans'
/// defaults (probes every 5 s, three missed, two votes; about 10–15 s measured) leave recorders refused for too long
/// during a meeting. Ours: a probe each second, two missed probes make a suspicion, two hosts' votes (or the only
/// other host's) a death; measured about 3 s from SIGKILL to writes accepted again (README, "Running several
/// hosts"). The cost is a host paused for over ~2 s (a long garbage collection, a stalled virtual machine) being
/// declared dead, after which it stops and must be started again; Orleans widens the probe timeout (up to 2 s here)
/// for a host that answers slowly, which keeps a merely slow host alive. Every value can be set in
/// <c>Silo:Membership</c>.
/// </summary>
public static class Failover
{
    public static void Tune(ClusterMembershipOptions options, IConfiguration overrides)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.MinProbeTimeout = TimeSpan.FromMilliseconds(500);
        // Orleans lengthens the timeout for a host that answers slowly, up to this: two missed probes at most 4 s.
        options.MaxProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.ExtendProbeTimeoutDuringDegradation = true;
        // Lost hosts are also found by reading the table; a stopped host's entry is seen within this period.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        overrides.Bind(options);
    }
}
