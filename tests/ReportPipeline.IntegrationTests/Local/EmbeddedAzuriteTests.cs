using System.Diagnostics;
using System.Text.Json;

namespace ReportPipeline.IntegrationTests.Local;

/// <summary>
/// The embedded Azurite ends with what started it. The built CLI runs as a child process in a folder of its own (its
/// .reportpipeline state and seeds), and every process it starts is found afterwards by an environment variable they
/// all inherit, whoever their parent has become. Azurite saves its tables only when it stops gracefully, so after a
/// signal the next command must still find what the interrupted one stored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmbeddedAzuriteTests : IDisposable
{
    private readonly TempFolder _folder = new("reportpipeline-cli-");
    private readonly string _mark = Guid.NewGuid().ToString("N");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public EmbeddedAzuriteTests() => Assert.True(OperatingSystem.IsLinux(), "These tests read /proc; they do not skip.");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Demo_Succeeds_LeavesOneReportReviewedAndNoProcessBehind()
    {
        SeedReport();
        SeedReport("NGA", "(d) We coordinate with the Office of Counter-Terrorism and share information with our neighbours.\n");

        using var cli = CliProcess.Start(_folder.Path, _mark, "demo");
        var exitCode = await cli.ExitAsync(_ct);

        Assert.True(exitCode == 0, cli.Output);
        AssertNothingLeft();
        Assert.Contains("answers reviewed by an analyst: 1 of 2 reports (KEN by Demo Analyst); the survey marks 1 as machine-extracted", cli.Output, StringComparison.Ordinal);
        using var survey = JsonDocument.Parse(await File.ReadAllBytesAsync(
            Path.Combine(_folder.Path, ".reportpipeline", "surveys", "2026-H1", "global-implementation-survey.json"), _ct));
        var marks = survey.RootElement.GetProperty("annex").EnumerateArray().Where(s => s.GetProperty("reported").GetBoolean())
            .ToDictionary(s => s.GetProperty("iso3").GetString()!, s => s.GetProperty("review").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["KEN"] = "reviewed", ["NGA"] = "machine-extracted" }, marks);
        Assert.Equal(1, survey.RootElement.GetProperty("introduction").GetProperty("reviewed").GetInt32());
    }

    [Fact]
    public async Task Demo_FailsAfterStartingAzurite_LeavesNoProcessBehind()
    {
        // This folder has no seeds/reports: demo starts Azurite, then fails listing the reports.
        using var cli = CliProcess.Start(_folder.Path, _mark, "demo");
        var exitCode = await cli.ExitAsync(_ct);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Starting Azurite", cli.Output, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task DemoKeepRunning_EndedBySignal_StopsAzuriteWhichKeepsItsData(string signal)
    {
        SeedReport();
        using var cli = CliProcess.Start(_folder.Path, _mark, "demo", "--keep-running", "--port", "0");
        await cli.KeepsRunningAsync(_ct);
        var azurite = ProcessTable.Carrying(CliProcess.MarkVariable, _mark).Where(p => p.Id != cli.Id).ToList();

        if (signal == "KILL")
        {
            cli.Kill();
        }
        else
        {
            // Ctrl+C in a terminal signals the whole foreground process group (Azurite too); SIGTERM comes to the CLI alone.
            await SendAsync(signal, signal == "INT" ? -cli.Id : cli.Id);
        }

        await cli.ExitAsync(_ct);
        if (signal == "KILL")
        {
            await GoneAsync();
        }

        Assert.Contains(azurite, p => p.CommandLine.Contains("azurite", StringComparison.Ordinal));
        AssertNothingLeft();
        using var next = CliProcess.Start(_folder.Path, _mark, "links", "--period", "2026-H1");
        Assert.True(await next.ExitAsync(_ct) == 0, $"the survey published before the {signal} was lost:\n{next.Output}");
        AssertNothingLeft();
    }

    [Fact]
    public async Task DisposeAsync_AzuriteFixture_LeavesNoProcessBehind()
    {
        var fixture = new AzuriteFixture();
        await fixture.InitializeAsync();
        var tree = ProcessTable.TreeOf(fixture.EmulatorProcessId);

        await fixture.DisposeAsync();

        Assert.NotEmpty(tree);
        Assert.True(!tree.Any(ProcessTable.IsRunning), "Left running: " + ProcessTable.Describe(tree.Where(ProcessTable.IsRunning)));
    }

    private void SeedReport(string iso3 = "KEN",
        string text = "(a) Our border agencies lack equipment and trained staff.\n\n(b) Technical assistance from CTED helped us draft legislation.\n")
    {
        var folder = Path.Combine(_folder.Path, "seeds", "reports", "2026-H1", iso3);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "statement.txt"), text);
    }

    private void AssertNothingLeft()
    {
        var left = ProcessTable.Carrying(CliProcess.MarkVariable, _mark);
        Assert.True(left.Count == 0, "Left running: " + ProcessTable.Describe(left));
    }

    /// <summary>After a SIGKILL only the lifeline stops Azurite, once the kernel has closed the dead CLI's pipe: wait for that, within a bound.</summary>
    private async Task GoneAsync()
    {
        var waited = Stopwatch.StartNew();
        while (ProcessTable.Carrying(CliProcess.MarkVariable, _mark).Count > 0 && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100, _ct);
        }
    }

    private async Task SendAsync(string signal, int target)
    {
        using var kill = Process.Start("kill", ["-s", signal, "--", target.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(_ct);
        Assert.Equal(0, kill.ExitCode);
    }
}
