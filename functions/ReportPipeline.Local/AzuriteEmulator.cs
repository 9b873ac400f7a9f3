using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReportPipeline.Local;

/// <summary>
/// Runs the Azurite storage emulator from npm on free loopback ports for the CLI and the tests. It stops with its owner:
/// on dispose, and when the owning process dies without disposing (even by SIGKILL), through the pipe on its stdin that
/// closes with the owner (see azurite-lifeline.js). Pinned to 3.35.0: later releases need a newer Node.js than this machine's 20.
/// </summary>
public sealed class AzuriteEmulator : IAsyncDisposable
{
    public const string Package = "azurite@3.35.0";
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Lifeline = "azurite-lifeline.js";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    private readonly string[] _arguments;
    private readonly StringBuilder _errors = new();
    private Process? _process;

    private AzuriteEmulator(string[] arguments, int blobPort, int queuePort, int tablePort)
    {
        _arguments = arguments;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>How long <see cref="DisposeAsync"/> waits for Azurite to save its data and stop before it kills it.</summary>
    public static TimeSpan StopTimeout { get; } = TimeSpan.FromSeconds(15);

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The emulator's process: Azurite itself, the only process it runs.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Azurite is not running.");

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>The connection string of an Azurite listening on these loopback ports, started by this process or another.</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>Starts Azurite with its data under <paramref name="dataDirectory"/> and waits until all three services listen.</summary>
    public static async Task<AzuriteEmulator> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        var script = await InstalledScriptAsync(timeout.Token);
        var ports = LoopbackPorts.Free(3);
        int blob = ports[0], queue = ports[1], table = ports[2];
        var emulator = new AzuriteEmulator(
        [
            "--require", Path.Combine(AppContext.BaseDirectory, Lifeline), script,
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", dataDirectory,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Invariant(blob), "--queuePort", Invariant(queue), "--tablePort", Invariant(table),
        ], blob, queue, table);
        try
        {
            await emulator.RunAsync(timeout.Token);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        return emulator;
    }

    /// <summary>
    /// Stops Azurite as <see cref="DisposeAsync"/> does, its data saved, and starts it again over the same data on the same
    /// ports: clients keep their connection string, and what they send in between meets a closed port.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        await RunAsync(timeout.Token);
    }

    /// <summary>
    /// Closes Azurite's stdin, upon which it stops as on SIGTERM (the stop that saves its table and blob databases), and
    /// waits for it; only if it hangs is it killed.
    /// </summary>
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_errors)
        {
            _errors.Clear();
        }

        var process = _process = Start("node", _arguments);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        while (!(await ListensAsync(BlobPort) && await ListensAsync(QueuePort) && await ListensAsync(TablePort)))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite ({Package}) did not start: {Errors()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }

    /// <summary>
    /// Azurite's entry script, installed by npx on first use. It is run by node directly, not through npx and a shell,
    /// so that stopping or killing that one process stops Azurite: a signal to npx left Azurite running with parent 1.
    /// </summary>
    private static async Task<string> InstalledScriptAsync(CancellationToken cancellationToken)
    {
        using var npx = Start("npx", ["--yes", "--package", Package, "--call", "command -v azurite"]);
        npx.StandardInput.Close();
        var output = npx.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npx.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await npx.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npx.Kill(entireProcessTree: true);
            throw;
        }

        var script = (await output).Trim();
        return npx.ExitCode == 0 && File.Exists(script)
            ? script
            : throw new InvalidOperationException($"Azurite ({Package}) could not be installed with npx (exit code {npx.ExitCode}): {(await errors).Trim()}");
    }

    private static Process Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {program}: install Node.js 20 to run Azurite ({e.Message}).", e);
        }
    }

    private void Collect(string? line)
    {
        lock (_errors)
        {
            _errors.AppendLine(line);
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString().Trim();
        }
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);

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
