using System.Net;
using System.Net.Sockets;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>Loopback ports nothing listens on right now (another process may still take one before it is used).</summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct free TCP ports.</summary>
    public static IReadOnlyList<int> Tcp(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>A free UDP port N whose neighbour N + 1 is free too (RADIUS auth and accounting).</summary>
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

    public static bool IsListening(int tcpPort)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, tcpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
