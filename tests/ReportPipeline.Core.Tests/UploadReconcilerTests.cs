using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Documents;

namespace ReportPipeline.Core.Tests;

/// <summary>What reconciliation and <c>reprocess</c> select and how the timer keeps within its budget, over in-memory fakes.</summary>
public sealed class UploadReconcilerTests : IDisposable
{
    private const string Marked = "(a) Our border agencies lack biometric equipment.";

    private readonly IngestionFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private UploadReconciler CreateSut(IDocumentAnalyzer? analyzer = null) => _fakes.Reconciler(analyzer);

    private void Put(string blobName, string text = Marked) => _fakes.Put(blobName, text);

    [Fact]
    public async Task SelectAsync_Missing_BlobsWithNoRowAndProcessingRowsLeftForAnHour()
    {
        var sut = CreateSut();
        Put("2026-H1/KEN/done.txt");
        await sut.ReprocessAsync("2026-H1/KEN/done.txt", TestContext.Current.CancellationToken);
        Put("2026-H1/KEN/missed.txt");
        Put("2026-H1/KEN/stuck.txt");
        Put("2026-H1/KEN/running.txt");
        Put("2026-H2/KEN/other-period.txt");
        var at = _fakes.Time.GetUtcNow();
        await _fakes.Store.RecordUploadAsync(new UploadRecord(ReportPath.Read("2026-H1/KEN/stuck.txt", Keys.States).Key, IngestionStatus.Processing, null, null, "", 1, 0, at, at),
            TestContext.Current.CancellationToken);
        _fakes.Time.Advance(TimeSpan.FromMinutes(61));
        await _fakes.Store.RecordUploadAsync(new UploadRecord(ReportPath.Read("2026-H1/KEN/running.txt", Keys.States).Key, IngestionStatus.Processing, null, null, "", 1, 0, at,
            _fakes.Time.GetUtcNow()), TestContext.Current.CancellationToken);

        var selected = await sut.SelectAsync(new ReprocessRequest(Period.Parse("2026-H1"), Missing: true), TestContext.Current.CancellationToken);

        Assert.Equal(["2026-H1/KEN/missed.txt", "2026-H1/KEN/stuck.txt"], selected);
    }

    [Fact]
    public async Task SelectAsync_StateAndBlob_OnlyTheirBlobs()
    {
        Put("2026-H1/KEN/a.txt");
        Put("2026-H1/KEN/a.txt.bak");
        Put("2026-H1/KENYA/b.txt");
        Put("2026-H1/FRA/c.txt");
        var sut = CreateSut();

        var state = await sut.SelectAsync(new ReprocessRequest(Period.Parse("2026-H1"), "KEN"), TestContext.Current.CancellationToken);
        var blob = await sut.SelectAsync(new ReprocessRequest(Period.Parse("2026-H1"), BlobName: "2026-H1/KEN/a.txt"), TestContext.Current.CancellationToken);

        Assert.Equal(["2026-H1/KEN/a.txt", "2026-H1/KEN/a.txt.bak"], state);
        Assert.Equal(["2026-H1/KEN/a.txt"], blob);
    }

    [Fact]
    public async Task ReprocessAsync_AttemptFails_RecordedFailedAtOnce()
    {
        Put("2026-H1/KEN/scan.txt");

        var outcome = await CreateSut(new FailingAnalyzer(new InvalidOperationException("a bug"))).ReprocessAsync("2026-H1/KEN/scan.txt", TestContext.Current.CancellationToken);

        Assert.Equal((IngestionStatus.Failed, ReasonCodes.ProcessingFailed), (outcome.Status, outcome.ReasonCode));
        Assert.Equal(IngestionStatus.Failed, _fakes.Store.Uploads[outcome.Upload].Status);
    }

    [Fact]
    public async Task ReconcileAsync_BudgetSpent_StartsNoNewIngestAndLeavesTheRestForTheNextRun()
    {
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            Put($"2026-H1/KEN/{name}.txt", $"(a) Report {name}: our border agencies lack equipment.");
        }

        // Each ingest takes five minutes of the fake clock; the budget of seven is spent after the second.
        var sut = CreateSut(new SlowAnalyzer(_fakes.Time, TimeSpan.FromMinutes(5)));

        var first = await sut.ReconcileAsync(TimeSpan.FromMinutes(7), TestContext.Current.CancellationToken);
        var second = await sut.ReconcileAsync(TimeSpan.FromMinutes(7), TestContext.Current.CancellationToken);
        var third = await sut.ReconcileAsync(TimeSpan.FromMinutes(7), TestContext.Current.CancellationToken);

        Assert.Equal((4, 2, 2), (first.Found, first.Outcomes.Count, first.Remaining));
        Assert.Equal(["2026-H1/KEN/a.txt", "2026-H1/KEN/b.txt"], first.Outcomes.Select(o => o.Upload.BlobName));
        Assert.Equal((2, 2, 0), (second.Found, second.Outcomes.Count, second.Remaining));
        Assert.Equal(0, third.Found);
    }

    /// <summary>The plain-text analyzer, taking <paramref name="duration"/> of the fake clock per document.</summary>
    private sealed class SlowAnalyzer(FakeTimeProvider time, TimeSpan duration) : IDocumentAnalyzer
    {
        private readonly DocumentAnalyzer _inner = new([new PlainTextAnalyzer()]);

        public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
        {
            time.Advance(duration);
            return _inner.AnalyzeAsync(content, fileName, cancellationToken);
        }
    }
}
