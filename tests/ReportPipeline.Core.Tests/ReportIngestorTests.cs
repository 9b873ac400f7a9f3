using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Layout;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Tests;

/// <summary>Every branch of <see cref="ReportIngestor"/>, over in-memory fakes of its store and quarantine.</summary>
public sealed class ReportIngestorTests : IDisposable
{
    private const string Marked = "(a) Our border agencies lack biometric equipment.\n\n(b) Technical assistance from CTED helped us draft legislation.";

    private readonly InMemorySubmissionStore _store = new();
    private readonly InMemoryQuarantine _quarantine = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricCollector<long> _ingested;
    private readonly MetricCollector<long> _rejected;

    public ReportIngestorTests()
    {
        var factory = _meters.GetRequiredService<IMeterFactory>();
        _ingested = new(factory, PipelineMetrics.MeterName, "reportpipeline.reports.ingested");
        _rejected = new(factory, PipelineMetrics.MeterName, "reportpipeline.reports.rejected");
    }

    public void Dispose()
    {
        _ingested.Dispose();
        _rejected.Dispose();
        _meters.Dispose();
    }

    private ReportIngestor CreateSut(long maxReportBytes = 1024 * 1024, IAnswerExtractor? extractor = null) => new(
        new DocumentAnalyzer([new PlainTextAnalyzer()]),
        extractor ?? new AnswerExtractor(ThemeCatalog.Default),
        _store,
        _quarantine,
        Options.Create(new IngestionOptions { MaxReportBytes = maxReportBytes }),
        _time,
        new PipelineMetrics(_meters.GetRequiredService<IMeterFactory>()),
        NullLogger<ReportIngestor>.Instance);

    private Task<IngestionOutcome> IngestAsync(string blobName, string text, ReportIngestor? sut = null) =>
        (sut ?? CreateSut()).IngestAsync(ReportPath.Read(blobName, Keys.States), new MemoryStream(Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken);

    [Fact]
    public async Task IngestAsync_MarkedReport_StoresSubmissionThenLedgerRow()
    {
        var outcome = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        Assert.Equal((IngestionStatus.Accepted, 1, "ab"), (outcome.Status, outcome.Version, outcome.Coverage.ToString()));
        Assert.Equal(["submission 1", "upload Accepted"], _store.Writes);
        var submission = await _store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken);
        Assert.Equal(("2026-H1/KEN/reply.txt", "text", "en", _time.GetUtcNow()), (submission!.BlobName, submission.Format, submission.Language, submission.ReceivedAt));
        var upload = _store.Uploads[outcome.Upload];
        Assert.Equal((Encoding.UTF8.GetByteCount(Marked), 1, submission.ContentHash), (upload.Bytes, upload.Version, upload.ContentHash));
        Assert.Empty(_quarantine.Copies);
        var counted = Assert.Single(_ingested.GetMeasurementSnapshot());
        Assert.Equal(("KEN", "2026-H1"), (counted.Tags["state"], counted.Tags["period"]));
    }

    [Fact]
    public async Task IngestAsync_AzureOpenAIFails_AcceptsTheLocalAnswersAndRecordsTheReasonOnTheSubmission()
    {
        var router = new ExtractionRouter(new AnswerExtractor(ThemeCatalog.Default), ThemeCatalog.Default,
            Options.Create(new ExtractionOptions { Mode = ExtractionMode.AzureOpenAI }), NullLogger<ExtractionRouter>.Instance,
            Quotes.ScriptedProposer.Failing(Extraction.Quotes.QuoteFailures.Unavailable));

        var outcome = await IngestAsync("2026-H1/KEN/reply.txt", Marked, CreateSut(extractor: router));

        Assert.Equal((IngestionStatus.Accepted, "ab"), (outcome.Status, outcome.Coverage.ToString()));
        var submission = await _store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken);
        Assert.Contains(submission!.Warnings, w => w.StartsWith("openai-unavailable: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestAsync_SameBlobSameBytes_UnchangedWithoutWrites()
    {
        await IngestAsync("2026-H1/KEN/reply.txt", Marked);
        _store.Writes.Clear();

        var replay = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        Assert.Equal((IngestionStatus.Unchanged, 1), (replay.Status, replay.Version));
        Assert.Empty(_store.Writes);
        Assert.Single(_ingested.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task IngestAsync_SameBytesUnderAnotherName_RecordsTheUploadButNoNewVersion()
    {
        await IngestAsync("2026-H1/KEN/reply.txt", Marked);
        _store.Writes.Clear();

        var copy = await IngestAsync("2026-H1/KEN/copy.txt", Marked);

        Assert.Equal((IngestionStatus.Unchanged, 1), (copy.Status, copy.Version));
        Assert.Equal(["upload Accepted"], _store.Writes);
    }

    [Fact]
    public async Task IngestAsync_NewBytesSameState_NextVersion()
    {
        await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        var second = await IngestAsync("2026-H1/KEN/revised.txt", "(c) The Council should prioritise the protection of soft targets.");

        Assert.Equal((IngestionStatus.Accepted, 2, "c"), (second.Status, second.Version, second.Coverage.ToString()));
    }

    [Fact]
    public async Task IngestAsync_UnknownState_RejectedQuarantinedAndFiledUnderTheNamedState()
    {
        var outcome = await IngestAsync("2026-H1/VAT/statement.txt", Marked);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.UnknownState), (outcome.Status, outcome.ReasonCode));
        Assert.Equal(["upload Rejected"], _store.Writes);
        Assert.Equal(("2026-H1", "VAT"), (outcome.Upload.PeriodName, outcome.Upload.State));
        Assert.Equal((outcome.Upload, Encoding.UTF8.GetByteCount(Marked), ReasonCodes.UnknownState), Assert.Single(_quarantine.Copies));
        Assert.Equal(ReasonCodes.UnknownState, Assert.Single(_rejected.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task IngestAsync_BadPeriod_FiledUnfiled()
    {
        var outcome = await IngestAsync("20X6/FRA/report.txt", Marked);

        Assert.Equal(ReasonCodes.BadPeriod, outcome.ReasonCode);
        Assert.Equal((UploadKey.Unfiled, "FRA"), (outcome.Upload.PeriodName, outcome.Upload.State));
        Assert.Equal(UploadKey.Unfiled, Assert.Single(_rejected.GetMeasurementSnapshot()).Tags["period"]);
    }

    [Fact]
    public async Task IngestAsync_RejectedBytesAgain_StillRejectedWithoutWrites()
    {
        await IngestAsync("2026-H1/VAT/statement.txt", Marked);
        _store.Writes.Clear();

        var replay = await IngestAsync("2026-H1/VAT/statement.txt", Marked);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.UnknownState), (replay.Status, replay.ReasonCode));
        Assert.Empty(_store.Writes);
        Assert.Single(_quarantine.Copies);
    }

    [Fact]
    public async Task IngestAsync_LargerThanTheLimit_RejectedTooLargeWithoutReadingOnOrQuarantining()
    {
        var sut = CreateSut(maxReportBytes: 100);

        var outcome = await IngestAsync("2026-H1/KEN/large.txt", new string('x', 101), sut);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.TooLarge), (outcome.Status, outcome.ReasonCode));
        Assert.Equal(["upload Rejected"], _store.Writes);
        Assert.Equal(-1, _store.Uploads[outcome.Upload].Bytes);
        Assert.Empty(_quarantine.Copies);
        Assert.Null(await _store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IngestAsync_ExactlyTheLimit_Accepted()
    {
        var text = "(a) Our border agencies lack equipment.";

        var outcome = await IngestAsync("2026-H1/KEN/edge.txt", text, CreateSut(maxReportBytes: Encoding.UTF8.GetByteCount(text)));

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task IngestAsync_EmptyFile_RejectedWithoutAQuarantineCopy()
    {
        var outcome = await IngestAsync("2026-H1/ZAF/empty.txt", "");

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.Empty), (outcome.Status, outcome.ReasonCode));
        Assert.Equal(0, _store.Uploads[outcome.Upload].Bytes);
        Assert.Empty(_quarantine.Copies);
    }

    [Fact]
    public async Task IngestAsync_StoreFails_PropagatesAndRecordsNothing()
    {
        _store.FailSaves = new TimeoutException("the table service did not answer");

        await Assert.ThrowsAsync<TimeoutException>(() => IngestAsync("2026-H1/KEN/reply.txt", Marked));

        Assert.Empty(_store.Writes);
        Assert.Empty(_rejected.GetMeasurementSnapshot());
    }
}
