namespace Platform.Core.Clustering;

/// <summary>
/// Tells a grain call that failed because a host of the cluster is gone or going (killed, stopping, not yet declared
/// dead) from a fault of the platform's own. The first is answered 503 <c>cluster.unavailable</c> with Retry-After:
/// within seconds the cluster's membership declares the host dead and the grain is activated on a live one, so the
/// same request (with the same entry key, see <c>MeetingGrain.EntryKeys</c>) succeeds then.
/// </summary>
public static class ClusterFaults
{
    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (
                e is AggregateException { InnerExceptions.Count: > 0 } aggregate
                && aggregate.InnerExceptions.Any(IsUnavailable)
            )
                return true;
            if (Unavailable(e))
                return true;
        }
        return false;
    }

    private static bool Unavailable(Exception e) =>
        e switch
        {
            // The target host was declared dead, or its connection closed, while the call was on its way or waiting.
            SiloUnavailableException or OrleansMessageRejectionException => true,
            // No answer within the response timeout: the host holding the grain stopped answering.
            TimeoutException => true,
            // Another activation of the meeting wrote first: the repeat reaches the one that holds the record.
            Records.StaleRecordException => true,
            // This host is stopping (a rolling restart): it takes no more grain calls.
            OrleansLifecycleCanceledException => true,
            // Orleans' own connection failure type is internal to its runtime.
            _ => e.GetType().FullName
                is "Orleans.Runtime.Messaging.ConnectionFailedException"
                    or "Orleans.Networking.Shared.ConnectionFailedException",
        };
}
