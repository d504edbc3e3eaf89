using System.Net;
using System.Net.Sockets;

namespace CoworkSync.Compare.Processes;

/// <summary>Free loopback ports, handed out once each in a run.</summary>
public static class Ports
{
    private static readonly HashSet<int> Given = [];

    public static int FreeTcp() => Next(() =>
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    });

    /// <summary>Two consecutive free UDP ports (FreeRADIUS: auth, then accounting).</summary>
    public static int FreeUdpPair()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            if (IsFreeUdp(port) && IsFreeUdp(port + 1) && !Given.Contains(port) && !Given.Contains(port + 1))
            {
                Given.Add(port);
                Given.Add(port + 1);
                return port;
            }
        }
        throw new InvalidOperationException("No two consecutive free UDP ports were found.");
    }

    private static int Next(Func<int> pick)
    {
        while (true)
        {
            var port = pick();
            if (Given.Add(port))
                return port;
        }
    }

    private static bool IsFreeUdp(int port)
    {
        try
        {
            using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
