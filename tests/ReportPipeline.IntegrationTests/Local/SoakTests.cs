using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportPipeline.IntegrationTests.Local;

/// <summary>
/// A small soak, as an operator runs it: the built CLI in a folder of its own, on an Azurite of its own that it restarts
/// mid-run, with a fake Document Intelligence that throttles and fails in bursts. Nothing may be lost or doubled, and
/// every upload must be accounted for.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SoakTests : IDisposable
{
    private readonly TempFolder _folder = new("reportpipeline-soak-");
    private readonly string _mark = Guid.NewGuid().ToString("N");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Soak_FortyUploadsWithARestartAndOcrFaults_NothingLostOrDuplicatedAndEveryUploadAccountedFor()
    {
        using var cli = CliProcess.Start(_folder.Path, _mark, "soak", "--uploads", "40", "--concurrency", "4", "--storage-restarts", "1", "--di-faults", "--seed", "7");
        var exitCode = await cli.ExitAsync(TestContext.Current.CancellationToken);

        var summary = Summary().Match(cli.Output);
        Assert.True(summary.Success, cli.Output);
        int Figure(string name) => int.Parse(summary.Groups[name].Value, CultureInfo.InvariantCulture);
        Assert.Equal((40, 0, 0, 1), (Figure("uploads"), Figure("lost"), Figure("duplicated"), Figure("restarts")));
        Assert.Equal(40, Figure("accepted") + Figure("rejected") + Figure("failed"));
        Assert.True(Figure("accepted") > 0 && Figure("rejected") > 0, cli.Output);
        var ocr = Ocr().Match(cli.Output);
        Assert.True(ocr.Success && int.Parse(ocr.Groups["throttled"].Value, CultureInfo.InvariantCulture) > 0, $"no 429 was served:\n{cli.Output}");
        Assert.True(exitCode == 0, cli.Output);
        Assert.Empty(ProcessTable.Carrying(CliProcess.MarkVariable, _mark));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_folder.Path, ".reportpipeline", "soak")));
    }

    [GeneratedRegex(@"^soak: (?<uploads>\d+) uploads, accepted (?<accepted>\d+), rejected (?<rejected>\d+), failed (?<failed>\d+), lost (?<lost>\d+), "
        + @"duplicated (?<duplicated>\d+), restarts (?<restarts>\d+), ingest p50 \d+ ms p95 \d+ ms, [\d.]+ uploads/s$", RegexOptions.Multiline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"document intelligence answered \d+ requests, (?<throttled>\d+) of them 429 and (?<unavailable>\d+) 503")]
    private static partial Regex Ocr();
}
