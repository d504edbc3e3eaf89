using System.Net;
using System.Net.Sockets;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// Loopback ports nobody listens on right now. Another process may take one before the server binds it, which is why
/// the servers' start retries on fresh ports (<see cref="StartRetry"/>).
/// </summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct TCP ports: every listener stays open until all are known.</summary>
    public static int[] Tcp(int count = 1)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Stop();
        }
    }

    /// <summary><paramref name="count"/> distinct UDP ports.</summary>
    public static int[] Udp(int count = 1)
    {
        var clients = new List<UdpClient>(count);
        try
        {
            for (var i = 0; i < count; i++)
                clients.Add(new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)));
            return clients.Select(c => ((IPEndPoint)c.Client.LocalEndPoint!).Port).ToArray();
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
    }

    /// <summary>A free UDP port N whose neighbour N + 1 is free too (RADIUS auth and accounting, as the demo's FreeRADIUS takes them).</summary>
    public static int UdpPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var first = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)first.Client.LocalEndPoint!).Port;
            if (port >= IPEndPoint.MaxPort)
                continue;
            try
            {
                using var second = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>Whether the loopback UDP port can be bound, i.e. no socket holds it.</summary>
    public static bool UdpIsFree(int port)
    {
        try
        {
            using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether something accepts TCP connections on the loopback port (within a second).</summary>
    public static async Task<bool> AcceptsAsync(int tcpPort, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, tcpPort, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
