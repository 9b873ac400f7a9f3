using System.Net;
using System.Net.Sockets;

namespace ReportPipeline.Local;

/// <summary>Ports on 127.0.0.1 for the local servers (Azurite, the fakes of the Azure AI services).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on at the moment of asking.</summary>
    public static int Free() => Free(1)[0];

    /// <summary>
    /// <paramref name="count"/> different ports nothing listens on at the moment of asking. They are held until all are chosen:
    /// a port let go may be handed out again by the next ask (on Linux about once in ten thousand).
    /// </summary>
    public static int[] Free(int count)
    {
        List<TcpListener> listeners = [];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
