using System.Diagnostics;
using System.Text;

namespace ReportPipeline.IntegrationTests.Local;

/// <summary>
/// The built CLI as a child process in a folder of its own (its .reportpipeline state), its output collected and the line
/// that says Azurite keeps running awaited. Every process it starts carries <see cref="MarkVariable"/>, so a test finds
/// them afterwards whoever their parent has become.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    public const string MarkVariable = "REPORTPIPELINE_TEST_RUN";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _keepsRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Runs <c>dotnet reportpipeline.dll</c> through env, which gives Ctrl+C back its default action (a test host started
    /// in the background may ignore it), and setsid, which makes the CLI lead a process group as a terminal would. Both
    /// exec, so the child process is the CLI itself.
    /// </summary>
    public static CliProcess Start(string root, string mark, params string[] arguments)
    {
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "setsid", "dotnet", AzuriteFixture.CliAssembly, .. arguments])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[MarkVariable] = mark;
        start.Environment.Remove("ReportPipeline__Storage");
        start.Environment.Remove("PipelineStorage__blobServiceUri");
        return new CliProcess(Process.Start(start)!);
    }

    public async Task KeepsRunningAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAny(_keepsRunning.Task, _process.WaitForExitAsync(cancellationToken));
        Assert.True(_keepsRunning.Task.IsCompleted, $"demo ended before keeping Azurite running:\n{Output}");
    }

    public async Task<int> ExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public void Kill() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Azurite keeps running", StringComparison.Ordinal))
        {
            _keepsRunning.TrySetResult();
        }
    }
}
