using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReportPipeline.Local;

/// <summary>
/// Runs the Azurite storage emulator from npm on free loopback ports for the CLI and the tests, and stops it on dispose.
/// Pinned to 3.35.0: later releases need a newer Node.js than this machine's 20.
/// </summary>
public sealed class AzuriteEmulator : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);
    public const string Package = "azurite@3.35.0";
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;

    private AzuriteEmulator(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Starts Azurite with its data under <paramref name="dataDirectory"/> and waits until all three services listen.</summary>
    public static async Task<AzuriteEmulator> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var start = new ProcessStartInfo("npx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--yes", Package, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", dataDirectory,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start npx; install Node.js to run Azurite.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var emulator = new AzuriteEmulator(process, blob, queue, table);
        var deadline = Stopwatch.StartNew();
        while (!(await ListensAsync(blob) && await ListensAsync(queue) && await ListensAsync(table)))
        {
            if (process.HasExited || deadline.Elapsed > s_startTimeout)
            {
                await emulator.DisposeAsync();
                string detail;
                lock (errors)
                {
                    detail = errors.ToString().Trim();
                }

                throw new InvalidOperationException($"Azurite ({Package}) did not start: {detail}");
            }

            await Task.Delay(200, cancellationToken);
        }

        return emulator;
    }

    /// <summary>Stops Azurite with SIGTERM first: it saves its table and blob databases only on a graceful stop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && await TerminateAsync(_process.Id))
        {
            using var timeout = new CancellationTokenSource(s_stopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> TerminateAsync(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        if (kill is null)
        {
            return false;
        }

        await kill.WaitForExitAsync();
        return kill.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
