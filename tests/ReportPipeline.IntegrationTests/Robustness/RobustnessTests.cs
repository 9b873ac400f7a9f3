using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Cli;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Tests.Robustness;
using ReportPipeline.Local;

namespace ReportPipeline.IntegrationTests.Robustness;

/// <summary>
/// The odd and hostile documents of issue 12, generated here, through <c>reportpipeline analyze</c> (a child process
/// under <c>/usr/bin/time</c>, whose figure is the process's peak resident memory) and through ingestion on Azurite.
/// Readable files are read; bombs are refused with their reason code in bounded time and under 256 MB.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RobustnessTests(AzuriteFixture azurite, RobustnessTests.OddFiles files) : IClassFixture<RobustnessTests.OddFiles>
{
    private const long MemoryCapKb = 256 * 1024;

    public static TheoryData<string> Cases() => [.. Definitions().Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyze_OddDocument_ReadOrRefusedUnderTheMemoryCap(string file)
    {
        var odd = files.Cases[file];

        var run = await RunCliAsync(["analyze", "--json", odd.Path], measureMemory: true);

        using var json = JsonDocument.Parse(run.Output);
        Assert.True(run.PeakKb < MemoryCapKb, $"{file}: peak resident memory {run.PeakKb / 1024} MB");
        Assert.True(run.Cpu < TimeSpan.FromSeconds(10), $"{file}: {run.Cpu.TotalSeconds:0.0} s of CPU");
        if (odd.Reason is { } reason)
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(reason, json.RootElement.GetProperty("error").GetProperty("code").GetString());
            return;
        }

        Assert.Equal(0, run.ExitCode);
        var text = string.Join("\n", json.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        Assert.True(OddDocuments.Recall(odd.Expected, text) >= 0.99, $"{file}: recall {OddDocuments.Recall(odd.Expected, text):0.000}");
        Assert.Equal(odd.Warning is null ? [] : [odd.Warning], json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!.Split(':')[0]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ingest_OddDocument_AcceptedOrRejectedWithItsReason(string file)
    {
        var odd = files.Cases[file];

        var outcome = await azurite.UploadAndIngestAsync($"{files.Period}/FRA/{file}", BinaryData.FromBytes(await File.ReadAllBytesAsync(odd.Path, TestContext.Current.CancellationToken)));

        Assert.Equal(odd.Reason is null ? IngestionStatus.Accepted : IngestionStatus.Rejected, outcome.Status);
        Assert.Equal(odd.Reason, outcome.ReasonCode);
        if (odd.Coverage is not null)
        {
            Assert.Equal(odd.Coverage, outcome.Coverage.ToString());
        }
    }

    [Fact]
    public async Task Cli_StorageOnAClosedPort_PrintsOneLineNamingItAndExitsOne()
    {
        var port = LoopbackPorts.Free();
        var storage = Regex.Replace(azurite.ConnectionString, @"127\.0\.0\.1:\d+", $"127.0.0.1:{port}");
        var report = files.Cases["pathological.md"].Path;

        var run = await RunCliAsync(["ingest", report, "--state", "FRA", "--period", AzuriteFixture.NewPeriod().ToString(), "--storage", storage], measureMemory: false);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("reportpipeline: cannot reach the storage account:", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("--storage", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_StorageThatAnsweredNo_OneLineSayingWhatToCheck()
    {
        using var error = new StringWriter();

        var exitCode = CliFailure.Report(new RequestFailedException(403, "Server failed to authenticate the request.", "AuthenticationFailed", null),
            ["survey"], error, files.Directory, TimeProvider.System);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("403 AuthenticationFailed", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnexpectedException_OneLineWithTheLogFileOfItsDetails()
    {
        using var error = new StringWriter();
        var logs = Path.Combine(files.Directory, "logs");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        Exception bug;
        try
        {
            throw new InvalidOperationException("A bug of ours.\nSecond line.");
        }
        catch (InvalidOperationException e)
        {
            bug = e;
        }

        var exitCode = CliFailure.Report(bug, ["demo"], error, logs, time);

        Assert.Equal(1, exitCode);
        var log = Path.Combine(logs, "error-20260701T120000000Z.log");
        Assert.Equal($"reportpipeline: unexpected InvalidOperationException: A bug of ours. (details in {log})", error.ToString().Trim());
        var details = File.ReadAllText(log);
        Assert.Contains("reportpipeline demo", details, StringComparison.Ordinal);
        Assert.Contains(nameof(Report_UnexpectedException_OneLineWithTheLogFileOfItsDetails), details, StringComparison.Ordinal);
    }

    /// <summary>The odd cases: each file's name, how to make it, and what it must give.</summary>
    private static List<(string Name, Func<byte[]> Content, OddCase Case)> Definitions()
    {
        const int pages = 6;
        var lines = Enumerable.Range(1, pages).SelectMany(p => OddDocuments.PageLines(p)).ToList();
        var questionnaire = new List<(string, string, string)>
        {
            ("(a) What challenges does your State face?", "Question a", "Our border agencies lack biometric equipment and trained staff."),
            ("(b) How effective is technical assistance?", "Question b", "Assistance from UNODC helped us draft terrorist financing legislation."),
        };
        return
        [
            ("pathological.md", () => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("# a" + new string(' ', 40_000) + "b\n", 8))),
                new(["a b", "a b", "a b", "a b", "a b", "a b", "a b", "a b"])),
            ("rotated-90.pdf", () => OddDocuments.TextPdf(pages, pageRotation: _ => 90), new(lines)),
            ("rotated-180.pdf", () => OddDocuments.TextPdf(pages, pageRotation: _ => 180), new(lines)),
            ("rotated-270.pdf", () => OddDocuments.TextPdf(pages, pageRotation: _ => 270), new(lines)),
            ("byte-order-mark.pdf", () => OddDocuments.TextPdf(pages, prefix: [0xEF, 0xBB, 0xBF]), new(lines)),
            ("macbinary.pdf", () => OddDocuments.TextPdf(pages, prefix: OddDocuments.MacBinaryHeader()), new(lines)),
            ("damaged-page.pdf", () => OddDocuments.TextPdf(pages, damaged: p => p == 4), new([.. lines.Where(l => !l.StartsWith("P4L", StringComparison.Ordinal))], Warning: "damaged-pages")),
            ("questionnaire.pdf", () => OddDocuments.FormPdf(questionnaire), new([.. questionnaire.SelectMany(q => new[] { q.Item1, q.Item3 })], Coverage: "ab")),
            ("flate-bomb.pdf", () => OddDocuments.FlateBombPdf(256L * 1024 * 1024), new([], ReasonCodes.TooLarge)),
            ("part-bomb.docx", () => OddDocuments.DocxPartBomb(60L * 1024 * 1024), new([], ReasonCodes.TooLarge)),
            ("deeply-nested.docx", () => OddDocuments.DocxDeeplyNested(100_000), new([], ReasonCodes.TooLarge)),
            ("huge.html", () => OddDocuments.HugeHtml(40L * 1024 * 1024), new([], ReasonCodes.TooLarge)),
            ("deeply-nested.html", () => OddDocuments.DeepHtml(100_000), new([], ReasonCodes.TooLarge)),
        ];
    }

    private static async Task<CliRun> RunCliAsync(IReadOnlyList<string> args, bool measureMemory)
    {
        var cli = AzuriteFixture.CliAssembly;
        var peakFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(measureMemory ? "/usr/bin/time" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AzuriteFixture.RepoRoot,
        };
        // GNU time's %M is the child's maximum resident set size in KB and %U %S its user and system CPU seconds, from the
        // kernel's accounting when it is reaped: what the run cost, however long a busy machine kept it waiting.
        foreach (var argument in (measureMemory ? ["-f", "%M %U %S", "-o", peakFile, "dotnet"] : Array.Empty<string>()).Concat([cli, .. args]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        // Time notes a non-zero exit status on a line of its own before the figures.
        var figures = measureMemory ? (await File.ReadAllLinesAsync(peakFile, TestContext.Current.CancellationToken))[^1].Split(' ') : ["0", "0", "0"];
        File.Delete(peakFile);
        var cpu = TimeSpan.FromSeconds(double.Parse(figures[1], CultureInfo.InvariantCulture) + double.Parse(figures[2], CultureInfo.InvariantCulture));
        return new CliRun(process.ExitCode, await output, await error, cpu, long.Parse(figures[0], CultureInfo.InvariantCulture));
    }

    private sealed record CliRun(int ExitCode, string Output, string Error, TimeSpan Cpu, long PeakKb);

    /// <summary>A generated file and what it must give: a reason code, or the text read (by recall), its warning and the answers' coverage.</summary>
    internal sealed record OddCase(IReadOnlyList<string> Expected, string? Reason = null, string? Coverage = null, string? Warning = null, string Path = "");

    /// <summary>The generated files in a folder of their own, written on first use and deleted after the class's tests.</summary>
    public sealed class OddFiles : IDisposable
    {
        private readonly Lazy<IReadOnlyDictionary<string, OddCase>> _cases;

        public OddFiles() => _cases = new(() =>
        {
            System.IO.Directory.CreateDirectory(Directory);
            return Definitions().ToDictionary(d => d.Name, d =>
            {
                var path = Path.Combine(Directory, d.Name);
                File.WriteAllBytes(path, d.Content());
                return d.Case with { Path = path };
            });
        });

        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "reportpipeline-odd-" + Guid.NewGuid().ToString("N"));

        /// <summary>One period for every case's ingestion, each case a blob of its own: the fixture's periods are few.</summary>
        public Period Period { get; } = AzuriteFixture.NewPeriod();

        internal IReadOnlyDictionary<string, OddCase> Cases => _cases.Value;

        public void Dispose()
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
