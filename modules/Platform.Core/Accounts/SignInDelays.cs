using System.Collections.Concurrent;

namespace Platform.Core.Accounts;

/// <summary>
/// Slows down password guessing without locking the owner out. After <see cref="FreeFailures"/> wrong passwords for a
/// user name, or from one client address, each further attempt must wait 1, 2, 4 … seconds, at most
/// <see cref="MaxWait"/>; an attempt inside the wait is refused (even with the right password) but does not lengthen
/// it. Each attempt counts as a failure before its password is checked (so that parallel guesses cannot all slip in
/// before the first is counted); a success clears the name and takes back its own count from the address, leaving the
/// others' (so that signing into one's own account does not reset a guesser's address). Failures are forgotten
/// <see cref="Forget"/> after the last one; a tenant admin can clear a name at once. Names are counted trimmed and in
/// lower case, as a database collation may match them; IPv6 addresses by their /64, which one client usually holds.
/// Names are counted whether an account has them or not, so that the waits never tell which names exist. Kept in this
/// host's memory: a restart forgets them, and several hosts behind one address each count their own.
/// </summary>
public sealed class SignInDelays(TimeProvider time)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    // Beyond this many names or addresses (someone trying random names from many addresses), forgotten entries and then
    // those not yet waiting are dropped: memory stays bounded, and the names and addresses that wait still wait.
    private const int MaxEntries = 100_000;
    private const int MaxNameLength = 128;

    /// <summary>Failures of one name or address, the last one's time, and when the next attempt may come.</summary>
    public sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset NotBefore);

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Failures> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    /// <summary>The wait after <paramref name="failures"/> failures in a row.</summary>
    public static TimeSpan WaitAfter(int failures) =>
        failures < FreeFailures
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures), MaxWait.TotalSeconds));

    /// <summary>
    /// Starts an attempt: how long the name, or the address, must still wait (zero if neither must); when zero, the
    /// attempt is counted as a failure until <see cref="Succeeded"/> takes it back.
    /// </summary>
    public TimeSpan Attempt(string userName, string? address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var name = Remaining(_names, NameKey(userName), now);
            var from = address is null ? TimeSpan.Zero : Remaining(_addresses, AddressKey(address), now);
            var wait = name > from ? name : from;
            if (wait > TimeSpan.Zero)
                return wait;
            Count(_names, NameKey(userName), now);
            if (address is not null)
                Count(_addresses, AddressKey(address), now);
            return TimeSpan.Zero;
        }
    }

    public void Succeeded(string userName, string? address)
    {
        lock (_gate)
        {
            _names.TryRemove(NameKey(userName), out _);
            if (address is null || !_addresses.TryGetValue(AddressKey(address), out var f))
                return;
            if (f.Count <= 1)
                _addresses.TryRemove(AddressKey(address), out _);
            else
                _addresses[AddressKey(address)] = f with
                {
                    Count = f.Count - 1,
                    NotBefore = f.Last + WaitAfter(f.Count - 1),
                };
        }
    }

    /// <summary>The names with failures not yet forgotten, by name.</summary>
    public IReadOnlyDictionary<string, Failures> Names()
    {
        var now = time.GetUtcNow();
        return _names
            .Where(e => now - e.Value.Last < Forget)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>Forgets the name's failures (a tenant admin's decision); whether there were any.</summary>
    public bool Clear(string userName)
    {
        lock (_gate)
            return _names.TryRemove(NameKey(userName), out _);
    }

    public static string NameKey(string userName)
    {
        var key = userName.Trim().ToLowerInvariant();
        return key.Length > MaxNameLength ? key[..MaxNameLength] : key;
    }

    private static string AddressKey(string address)
    {
        if (
            !System.Net.IPAddress.TryParse(address, out var ip)
            || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6
            || ip.IsIPv4MappedToIPv6
        )
            return address;
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static TimeSpan Remaining(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now) =>
        table.TryGetValue(key, out var f) && f.NotBefore > now ? f.NotBefore - now : TimeSpan.Zero;

    private static void Count(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now)
    {
        if (table.Count >= MaxEntries && !table.ContainsKey(key))
        {
            foreach (var old in table.Where(e => now - e.Value.Last >= Forget || e.Value.NotBefore <= now))
                table.TryRemove(old.Key, out _);
        }
        table.AddOrUpdate(key, _ => Next(0, now), (_, f) => Next(now - f.Last < Forget ? f.Count : 0, now));
    }

    private static Failures Next(int before, DateTimeOffset now) => new(before + 1, now, now + WaitAfter(before + 1));
}
