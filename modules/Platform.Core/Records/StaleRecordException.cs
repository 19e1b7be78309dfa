namespace Platform.Core.Records;

/// <summary>
/// A meeting grain's batch found its sequence numbers or entry keys already taken: another activation of the same
/// meeting wrote first (two can live for a moment while the cluster's hosts change). Nothing of the batch was written;
/// the activation lets itself go, and the caller's repeat, with the same entry key, reaches the one that holds the
/// record. Answered 503 <c>cluster.unavailable</c>, like any other moment of a failover.
/// </summary>
[GenerateSerializer, Alias("Platform.Core.Records.StaleRecordException")]
public sealed class StaleRecordException : Exception
{
    public StaleRecordException()
        : base("Another activation of this meeting wrote first; the entry was not recorded.") { }
}
