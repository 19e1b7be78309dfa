using System.Collections.Concurrent;

namespace Platform.Core.Accounts;

/// <summary>
/// Slows down password guessing without locking the owner out. After <see cref="FreeFailures"/> wrong passwords for a
/// user name, or from one client address, each further attempt must wait 1, 2, 4 … seconds, at most
/// <see cref="MaxWait"/>; an attempt inside the wait is refused (even with the right password) but does not lengthen it.
/// A success clears the name and the address; failures are forgotten <see cref="Forget"/> after the last one; a tenant
/// admin can clear a name at once.
/// Names are counted whether an account has them or not, so that the waits never tell which names exist. Kept in this
/// host's memory: a restart forgets them, and several hosts behind one address each count their own.
/// </summary>
public sealed class SignInDelays(TimeProvider time)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    // Beyond this many names or addresses (someone trying random names from many addresses), new ones are not counted
    // until old ones are forgotten: memory stays bounded, and the names and addresses already counted still wait.
    private const int MaxEntries = 100_000;
    private const int MaxNameLength = 128;

    /// <summary>Failures of one name or address, the last one's time, and when the next attempt may come.</summary>
    public sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset NotBefore);

    private readonly ConcurrentDictionary<string, Failures> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    /// <summary>The wait after <paramref name="failures"/> failures in a row.</summary>
    public static TimeSpan WaitAfter(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures), MaxWait.TotalSeconds));

    /// <summary>How long the name, or the address, must still wait; zero if neither must.</summary>
    public TimeSpan WaitFor(string userName, string? address)
    {
        var now = time.GetUtcNow();
        var name = Remaining(_names, Key(userName), now);
        var from = address is null ? TimeSpan.Zero : Remaining(_addresses, address, now);
        return name > from ? name : from;
    }

    public void Failed(string userName, string? address)
    {
        var now = time.GetUtcNow();
        Count(_names, Key(userName), now);
        if (address is not null) Count(_addresses, address, now);
    }

    public void Succeeded(string userName, string? address)
    {
        _names.TryRemove(Key(userName), out _);
        if (address is not null) _addresses.TryRemove(address, out _);
    }

    /// <summary>The names with failures not yet forgotten, by name.</summary>
    public IReadOnlyDictionary<string, Failures> Names()
    {
        var now = time.GetUtcNow();
        return _names.Where(e => now - e.Value.Last < Forget).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>Forgets the name's failures (a tenant admin's decision); whether there were any.</summary>
    public bool Clear(string userName) => _names.TryRemove(Key(userName), out _);

    private static string Key(string userName) => userName.Length > MaxNameLength ? userName[..MaxNameLength] : userName;

    private static TimeSpan Remaining(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now) =>
        table.TryGetValue(key, out var f) && f.NotBefore > now ? f.NotBefore - now : TimeSpan.Zero;

    private static void Count(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now)
    {
        if (table.Count >= MaxEntries && !table.ContainsKey(key))
        {
            foreach (var old in table.Where(e => now - e.Value.Last >= Forget)) table.TryRemove(old.Key, out _);
            if (table.Count >= MaxEntries) return;
        }
        table.AddOrUpdate(key, _ => Next(0, now), (_, f) => Next(now - f.Last < Forget ? f.Count : 0, now));
    }

    private static Failures Next(int before, DateTimeOffset now) => new(before + 1, now, now + WaitAfter(before + 1));
}
