using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// A report's layout is analysed once per content hash and kept; ingest, re-extraction and reads take the kept layout
/// without the analyzer; older reports are analysed once on read; a kept layout that cannot be read is left as it is.
/// </summary>
public sealed class ReportLayoutsTests : IDisposable
{
    private const string Marked = "(a) Our border agencies lack biometric equipment.\n\n(b) Technical assistance from CTED helped us draft legislation.";

    private static readonly string s_hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Marked)));

    private readonly IngestionFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FailingAnalyzer Down() => new(new TimeoutException("the analyzer was called"));

    private async Task<Storage.SubmissionRecord> IngestAsync(string blobName, IDocumentAnalyzer? analyzer = null, IAnswerExtractor? extractor = null)
    {
        _fakes.Put(blobName, Marked);
        var outcome = await _fakes.Ingestor(analyzer: analyzer, extractor: extractor).IngestAsync(ReportPath.Read(blobName, Keys.States), Ct);
        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        return (await _fakes.Store.GetSubmissionAsync(ReportPath.Read(blobName, Keys.States).Path!.Submission, Ct))!;
    }

    private async Task<string[]> AnswersAsync(Storage.SubmissionRecord submission) =>
        [.. (await _fakes.Store.ListAnswersAsync(submission, Ct)).Select(a => $"{a.Question} {a.Text} {string.Join(';', a.Provenance.Select(p => $"{p.Page}.{p.Paragraph}"))}")];

    [Fact]
    public async Task IngestAsync_SameBytesTwice_AnalysesOnceAndKeepsOneLayoutWithTheParagraphsExtracted()
    {
        var analyzer = new CountingAnalyzer();
        var first = await IngestAsync("2026-H1/KEN/reply.txt", analyzer);
        var second = await IngestAsync("2026-H1/FRA/copy.txt", analyzer);

        var kept = Assert.Single(_fakes.LayoutStore.Layouts);
        Assert.Equal((first.ContentHash, 1, 1), (kept.Key, _fakes.LayoutStore.Stored, analyzer.Calls));
        Assert.Equal(["1.1", "1.2"], kept.Value.ContentParagraphs.Select(p => $"{p.Page}.{p.Index}"));
        Assert.Equal(await AnswersAsync(first), await AnswersAsync(second));
    }

    [Fact]
    public async Task IngestAsync_LayoutAlreadyKeptForTheBytes_ExtractsFromTheKeptParagraphsWithTheirWarningsWithoutTheAnalyzer()
    {
        var analysed = await new DocumentAnalyzer([new PlainTextAnalyzer()]).AnalyzeAsync(Encoding.UTF8.GetBytes(Marked), "first.txt", Ct);
        await _fakes.LayoutStore.KeepAsync(s_hash, analysed with
        {
            Paragraphs = [.. analysed.Paragraphs.Select(p => p with { Page = 2 })],
            Warnings = ["damaged-pages: page 1 of 2 could not be read and was skipped"],
        }, Ct);

        var submission = await IngestAsync("2026-H1/KEN/reply.txt", Down());

        var answers = await _fakes.Store.ListAnswersAsync(submission, Ct);
        Assert.NotEmpty(answers);
        Assert.All(answers.SelectMany(a => a.Provenance), at => Assert.Equal(2, at.Page));
        Assert.Equal(["damaged-pages: page 1 of 2 could not be read and was skipped"], submission.Warnings);
        Assert.Equal(1, _fakes.LayoutStore.Stored);
    }

    [Fact]
    public async Task IngestAsync_SameBytesUnderANewExtractor_ReextractedFromTheKeptLayoutWithoutTheAnalyzer()
    {
        var first = await IngestAsync("2026-H1/KEN/reply.txt", extractor: new RenamedExtractor("rules-0"));

        var again = await IngestAsync("2026-H1/KEN/reply.txt", Down());

        Assert.Equal(("rules-0", AnswerExtractor.ExtractorVersion, 1), (first.ExtractorVersion, again.ExtractorVersion, again.Version));
        Assert.Equal(await AnswersAsync(first), await AnswersAsync(again));
        Assert.Equal(first.Warnings, again.Warnings);
    }

    [Fact]
    public async Task IngestAsync_KeptLayoutUnreadable_AnalysedOnceLoggedAndLeftAsItIs()
    {
        _fakes.LayoutStore.Damage(s_hash, "format version 9, and this code reads 1");
        var analyzer = new CountingAnalyzer();

        var submission = await IngestAsync("2026-H1/KEN/reply.txt", analyzer);

        Assert.Equal(1, analyzer.Calls);
        Assert.NotEmpty(await AnswersAsync(submission));
        Assert.Equal("format version 9, and this code reads 1", (await _fakes.LayoutStore.GetAsync(s_hash, Ct)).Problem);
        Assert.Equal(0, _fakes.LayoutStore.Stored);
        var logged = _fakes.LayoutLog.Collector.GetSnapshot().Single(r => r.Id.Id == 1013);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("format version 9", logged.Message, StringComparison.Ordinal);
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
        Assert.Contains(before.LayoutLog.Collector.GetSnapshot(), r => r.Id.Id == 1011);
    }

    [Fact]
    public async Task ReadAsync_KeptLayoutUnreadable_AnalysesTheStoredReportAndLeavesTheKeptOne()
    {
        var submission = await IngestAsync("2026-H1/KEN/reply.txt");
        var layout = _fakes.LayoutStore.Layouts[submission.ContentHash];
        _fakes.LayoutStore.Clear();
        _fakes.LayoutStore.Damage(submission.ContentHash, "not a layout in JSON");
        var analyzer = new CountingAnalyzer();

        var read = await _fakes.Layouts(analyzer).ReadAsync(submission, Ct);

        Assert.Equal(layout.Paragraphs, read!.Paragraphs);
        Assert.Equal((1, 0), (analyzer.Calls, _fakes.LayoutStore.Stored));
        Assert.Equal("not a layout in JSON", (await _fakes.LayoutStore.GetAsync(submission.ContentHash, Ct)).Problem);
        Assert.DoesNotContain(_fakes.LayoutLog.Collector.GetSnapshot(), r => r.Id.Id == 1011);
    }

    [Fact]
    public async Task ReadAsync_NoLayoutAndTheReportGone_Null()
    {
        var submission = await IngestAsync("2026-H1/KEN/reply.txt");
        using var elsewhere = new IngestionFakes();

        Assert.Null(await elsewhere.Layouts(Down()).ReadAsync(submission, Ct));
    }
}
