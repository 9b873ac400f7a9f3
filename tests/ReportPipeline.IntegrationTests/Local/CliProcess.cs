using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportPipeline.IntegrationTests.Local;

/// <summary>
/// The built CLI as a child process in a folder of its own (its .reportpipeline state), its output collected and lines
/// awaited by pattern. Every process it starts carries <see cref="MarkVariable"/>, so a test finds them afterwards whoever
/// their parent has become.
/// </summary>
internal sealed partial class CliProcess : IDisposable
{
    public const string MarkVariable = "REPORTPIPELINE_TEST_RUN";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _awaited = [];

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

    public Task KeepsRunningAsync(CancellationToken cancellationToken) => LineAsync(KeepsRunning(), cancellationToken);

    /// <summary>
    /// The first match of <paramref name="pattern"/> in the output, awaited until the process ends. Standard output and
    /// standard error are read on two threads, so a line printed earlier on one may arrive after a later one on the other.
    /// </summary>
    public async Task<Match> LineAsync(Regex pattern, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Match> found = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var match = pattern.Match(_output.ToString());
            if (match.Success)
            {
                return match;
            }

            _awaited.Add((pattern, found));
        }

        await Task.WhenAny(found.Task, _process.WaitForExitAsync(cancellationToken));
        Assert.True(found.Task.IsCompleted, $"the process ended before printing a line matching {pattern}:\n{Output}");
        return await found.Task;
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
            foreach (var (pattern, found) in _awaited)
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    found.TrySetResult(match);
                }
            }
        }
    }

    [GeneratedRegex("Azurite keeps running")]
    private static partial Regex KeepsRunning();
}
