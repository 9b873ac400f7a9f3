using System.Net;
using System.Net.Sockets;

namespace ReportPipeline.Local;

/// <summary>Ports on 127.0.0.1 for the local servers (Azurite, the fakes of the Azure AI services).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on at the moment of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
