using System.Net;
using System.Text;

namespace ReportPipeline.Local;

/// <summary>
/// A real HTTP server on 127.0.0.1, at a free port, for the fakes of the Azure AI services (the tests', and the soak's
/// Document Intelligence); a subclass answers each request, one at a time.
/// </summary>
public abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    protected LoopbackHttpServer()
    {
        Endpoint = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the pending GetContextAsync this way.
        }

        _listener.Close();
        _stop.Dispose();
    }

    protected abstract Task HandleAsync(HttpListenerContext context);

    /// <summary>Sends a JSON reply (or none, with a null body) and closes the response.</summary>
    protected static async Task ReplyAsync(HttpListenerResponse response, int status, string? body, IReadOnlyDictionary<string, string>? headers)
    {
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away mid-request (it gave up waiting): the next one is still served.
            }
        }
    }
}
