using System.Security.Cryptography;
using System.Text;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Tests;

/// <summary>A report's layout is kept once, at ingest, and read back without the analyzer; older reports are analysed once on read.</summary>
public sealed class ReportLayoutsTests : IDisposable
{
    private const string Marked = "(a) Our border agencies lack biometric equipment.\n\n(b) Technical assistance from CTED helped us draft legislation.";

    private readonly IngestionFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FailingAnalyzer Down() => new(new TimeoutException("the analyzer was called"));

    private async Task<Storage.SubmissionRecord> IngestAsync(string blobName)
    {
        _fakes.Put(blobName, Marked);
        await _fakes.Ingestor().IngestAsync(ReportPath.Read(blobName, Keys.States), Ct);
        return (await _fakes.Store.GetSubmissionAsync(ReportPath.Read(blobName, Keys.States).Path!.Submission, Ct))!;
    }

    [Fact]
    public async Task IngestAsync_SameBytesTwice_KeepsOneLayoutWithTheParagraphsExtracted()
    {
        var first = await IngestAsync("2026-H1/KEN/reply.txt");
        await IngestAsync("2026-H1/FRA/copy.txt");

        var kept = Assert.Single(_fakes.LayoutStore.Layouts);
        Assert.Equal((first.ContentHash, 1), (kept.Key, _fakes.LayoutStore.Stored));
        Assert.Equal(["1.1", "1.2"], kept.Value.ContentParagraphs.Select(p => $"{p.Page}.{p.Index}"));
    }

    [Fact]
    public async Task IngestAsync_LayoutAlreadyKeptForTheBytes_ExtractsFromTheKeptParagraphs()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Marked)));
        var analysed = await _fakes.Layouts().AnalyzeAsync(hash, Encoding.UTF8.GetBytes(Marked), "first.txt", Ct);
        _fakes.LayoutStore.Clear();
        await _fakes.LayoutStore.KeepAsync(hash, analysed with { Paragraphs = [.. analysed.Paragraphs.Select(p => p with { Page = 2 })] }, Ct);

        var submission = await IngestAsync("2026-H1/KEN/reply.txt");

        var answers = await _fakes.Store.ListAnswersAsync(submission, Ct);
        Assert.NotEmpty(answers);
        Assert.All(answers.SelectMany(a => a.Provenance), at => Assert.Equal(2, at.Page));
        Assert.Equal(1, _fakes.LayoutStore.Stored);
    }

    [Fact]
    public async Task ReadAsync_LayoutKept_ServedWithoutTheAnalyzer()
    {
        var submission = await IngestAsync("2026-H1/KEN/reply.txt");

        var layout = await _fakes.Layouts(Down()).ReadAsync(submission, Ct);

        Assert.Same(_fakes.LayoutStore.Layouts[submission.ContentHash], layout);
    }

    [Fact]
    public async Task ReadAsync_NoLayoutKept_AnalysesTheStoredReportOnceAndKeepsIt()
    {
        var submission = await IngestAsync("2026-H1/KEN/reply.txt");
        var layout = _fakes.LayoutStore.Layouts[submission.ContentHash];
        using var before = new IngestionFakes();
        before.Put(submission.BlobName, Marked);

        var analysed = await before.Layouts().ReadAsync(submission, Ct);
        var again = await before.Layouts(Down()).ReadAsync(submission, Ct);

        Assert.Equal(layout.Paragraphs, analysed!.Paragraphs);
        Assert.Same(analysed, again);
        Assert.Equal(1, before.LayoutStore.Stored);
    }

    [Fact]
    public async Task ReadAsync_NoLayoutAndTheReportGone_Null()
    {
        var submission = await IngestAsync("2026-H1/KEN/reply.txt");
        using var elsewhere = new IngestionFakes();

        Assert.Null(await elsewhere.Layouts(Down()).ReadAsync(submission, Ct));
    }
}
