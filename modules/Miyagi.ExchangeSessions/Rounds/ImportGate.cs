using Platform.Abstractions.Errors;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>
/// At most <see cref="PerAccount"/> imports and previews of one account at once: reading a 概要 takes a core while it
/// lasts, and a script (or an impatient double click) sending the same large document over and over should queue on
/// its own side, not hold every core of the host. A further request is answered 429 <c>import.busy</c>.
/// </summary>
public sealed class ImportGate
{
    public const int PerAccount = 2;

    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    public IDisposable Enter(string accountId)
    {
        lock (_running)
        {
            var running = _running.GetValueOrDefault(accountId);
            if (running >= PerAccount)
                throw new PlatformException(
                    429,
                    "import.busy",
                    "取り込みの処理中です。",
                    $"このアカウントの取り込み・プレビューがすでに{PerAccount}件処理中です。終わってから、もう一度お試しください。"
                )
                {
                    Extensions = { [PlatformException.RetryAfterExtension] = 5 },
                };
            _running[accountId] = running + 1;
        }
        return new Lease(this, accountId);
    }

    private void Leave(string accountId)
    {
        lock (_running)
            if (--_running[accountId] == 0)
                _running.Remove(accountId);
    }

    private sealed class Lease(ImportGate gate, string accountId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(accountId);
        }
    }
}
