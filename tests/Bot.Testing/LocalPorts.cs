using System.Net;
using System.Net.Sockets;

namespace Bot.Testing;

/// <summary>Ports on 127.0.0.1 for a test's own servers.</summary>
public static class LocalPorts
{
    /// <summary>A port free a moment ago: the OS picks it, the listener lets it go for the test's server to take.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
