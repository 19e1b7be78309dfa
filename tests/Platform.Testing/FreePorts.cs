using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// Loopback ports nobody listens on, so that silos of parallel tests (and a running dev host) never collide. Taken
/// below Linux's ephemeral range (32768–60999), where outgoing connections would otherwise grab a port between the
/// moment it is found free and the moment a host binds it; each test process walks its own stretch of that range.
/// </summary>
public static class FreePorts
{
    private static int _next = 20000 + Environment.ProcessId % 100 * 120;

    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            if (port >= 32000)
                Interlocked.Exchange(ref _next, 20000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }
    }
}
