using System.Net;
using System.Net.Sockets;

namespace ChatBrief.Tests.Discord.Support;

internal static class LocalPorts
{
    /// <summary>A free port on 127.0.0.1, for stand-ins that cannot bind to port 0 themselves.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
