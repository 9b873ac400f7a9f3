using System.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Core.Tests;

/// <summary>Every branch of <see cref="ReportIngestor"/> and of the failure path, over in-memory fakes of the reports, the store and the quarantine.</summary>
public sealed class ReportIngestorTests : IDisposable
{
    private const string Marked = "(a) Our border agencies lack biometric equipment.\n\n(b) Technical assistance from CTED helped us draft legislation.";

    private readonly IngestionFakes _fakes = new();
    private readonly MetricCollector<long> _ingested;
    private readonly MetricCollector<long> _rejected;
    private readonly MetricCollector<long> _failed;

    public ReportIngestorTests()
    {
        _ingested = new(_fakes.Meters, PipelineMetrics.MeterName, "reportpipeline.reports.ingested");
        _rejected = new(_fakes.Meters, PipelineMetrics.MeterName, "reportpipeline.reports.rejected");
        _failed = new(_fakes.Meters, PipelineMetrics.MeterName, "reportpipeline.reports.failed");
    }

    public void Dispose()
    {
        _ingested.Dispose();
        _rejected.Dispose();
        _failed.Dispose();
        _fakes.Dispose();
    }

    private ReportIngestor CreateSut(long maxReportBytes = 1024 * 1024, IDocumentAnalyzer? analyzer = null, IAnswerExtractor? extractor = null, string open = "2026-H1") =>
        _fakes.Ingestor(maxReportBytes, analyzer, extractor, open);

    private IngestionFailures CreateFailures() => _fakes.Failures();

    /// <summary>Stores the blob (uploaded now, or at <paramref name="uploadedAt"/>) and ingests it as IngestReport would.</summary>
    private Task<IngestionOutcome> IngestAsync(string blobName, string text, ReportIngestor? sut = null, DateTimeOffset? uploadedAt = null)
    {
        _fakes.Put(blobName, text, uploadedAt);
        return (sut ?? CreateSut()).IngestAsync(ReportPath.Read(blobName, Keys.States), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task IngestAsync_MarkedReport_StoresSubmissionThenLedgerRow()
    {
        var outcome = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        Assert.Equal((IngestionStatus.Accepted, 1, "ab"), (outcome.Status, outcome.Version, outcome.Coverage.ToString()));
        Assert.Equal(["upload Processing", "submission 1", "upload Accepted"], _fakes.Store.Writes);
        var submission = await _fakes.Store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken);
        Assert.Equal(("2026-H1/KEN/reply.txt", "text", "en", _fakes.Time.GetUtcNow()), (submission!.BlobName, submission.Format, submission.Language, submission.ReceivedAt));
        var upload = _fakes.Store.Uploads[outcome.Upload];
        Assert.Equal((Encoding.UTF8.GetByteCount(Marked), 1, submission.ContentHash), (upload.Bytes, upload.Version, upload.ContentHash));
        Assert.Empty(_fakes.Quarantine.Copies);
        var counted = Assert.Single(_ingested.GetMeasurementSnapshot());
        Assert.Equal(("KEN", "2026-H1"), (counted.Tags["state"], counted.Tags["period"]));
    }

    [Fact]
    public async Task IngestAsync_AzureOpenAIFails_AcceptsTheLocalAnswersAndRecordsTheReasonOnTheSubmission()
    {
        var router = new ExtractionRouter(new LearnedExtractor(ThemeCatalog.Default), ThemeCatalog.Default,
            Options.Create(new ExtractionOptions { Mode = ExtractionMode.AzureOpenAI }), NullLogger<ExtractionRouter>.Instance,
            Quotes.ScriptedProposer.Failing(ReasonCodes.OpenAIUnavailable));

        var outcome = await IngestAsync("2026-H1/KEN/reply.txt", Marked, CreateSut(extractor: router));

        Assert.Equal((IngestionStatus.Accepted, "ab"), (outcome.Status, outcome.Coverage.ToString()));
        var submission = await _fakes.Store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken);
        Assert.Contains(submission!.Warnings, w => w.StartsWith("openai-unavailable: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestAsync_SameBlobSameBytes_UnchangedWithoutWrites()
    {
        await IngestAsync("2026-H1/KEN/reply.txt", Marked);
        _fakes.Store.Writes.Clear();

        var replay = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        Assert.Equal((IngestionStatus.Unchanged, 1), (replay.Status, replay.Version));
        Assert.Empty(_fakes.Store.Writes);
        Assert.Single(_ingested.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task IngestAsync_SameBytesUnderAnotherName_RecordsTheUploadButNoNewVersion()
    {
        await IngestAsync("2026-H1/KEN/reply.txt", Marked);
        _fakes.Store.Writes.Clear();

        var copy = await IngestAsync("2026-H1/KEN/copy.txt", Marked);

        Assert.Equal((IngestionStatus.Unchanged, 1), (copy.Status, copy.Version));
        Assert.Equal(["upload Processing", "upload Accepted"], _fakes.Store.Writes);
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
        Assert.Equal(["upload Processing", "upload Rejected"], _fakes.Store.Writes);
        Assert.Equal(("2026-H1", "VAT"), (outcome.Upload.PeriodName, outcome.Upload.State));
        Assert.Equal((outcome.Upload, Encoding.UTF8.GetByteCount(Marked), ReasonCodes.UnknownState), Assert.Single(_fakes.Quarantine.Copies));
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
        _fakes.Store.Writes.Clear();

        var replay = await IngestAsync("2026-H1/VAT/statement.txt", Marked);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.UnknownState), (replay.Status, replay.ReasonCode));
        Assert.Empty(_fakes.Store.Writes);
        Assert.Single(_fakes.Quarantine.Copies);
    }

    [Fact]
    public async Task IngestAsync_LargerThanTheLimit_RejectedTooLargeWithoutReadingOnOrQuarantining()
    {
        var sut = CreateSut(maxReportBytes: 100);

        var outcome = await IngestAsync("2026-H1/KEN/large.txt", new string('x', 101), sut);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.TooLarge), (outcome.Status, outcome.ReasonCode));
        Assert.Equal(["upload Processing", "upload Rejected"], _fakes.Store.Writes);
        Assert.Equal(-1, _fakes.Store.Uploads[outcome.Upload].Bytes);
        Assert.Empty(_fakes.Quarantine.Copies);
        Assert.Null(await _fakes.Store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken));
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
        Assert.Equal(0, _fakes.Store.Uploads[outcome.Upload].Bytes);
        Assert.Empty(_fakes.Quarantine.Copies);
    }

    [Fact]
    public async Task IngestAsync_StoreTimesOut_RecordsTheReasonOnTheRowAndRethrows()
    {
        _fakes.Store.FailSaves = new TimeoutException("the table service did not answer");

        await Assert.ThrowsAsync<TimeoutException>(() => IngestAsync("2026-H1/KEN/reply.txt", Marked));

        var row = Assert.Single(_fakes.Store.Uploads.Values);
        Assert.Equal((IngestionStatus.Processing, ReasonCodes.Timeout), (row.Status, row.ReasonCode));
        Assert.DoesNotContain("table service", row.Message, StringComparison.Ordinal);
        Assert.Empty(_rejected.GetMeasurementSnapshot());
        Assert.Empty(_failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task RecordAsync_AfterTheLastAttemptMetAnOcrOutage_FailedWithThatReasonAndCounted()
    {
        var sut = CreateSut(analyzer: new FailingAnalyzer(new ServiceUnavailableException(ReasonCodes.OcrUnavailable, "circuit open", new InvalidOperationException("HTTP 503 from 10.0.0.7"))));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<ServiceUnavailableException>(() => IngestAsync("2026-H1/KEN/scan.txt", Marked, sut));
        }

        var failed = await CreateFailures().RecordAsync(ReportPath.Read("2026-H1/KEN/scan.txt", Keys.States).Key, TestContext.Current.CancellationToken);

        Assert.Equal((IngestionStatus.Failed, ReasonCodes.OcrUnavailable), (failed.Status, failed.ReasonCode));
        Assert.Equal(failed, _fakes.Store.Uploads[failed.Key]);
        Assert.Equal(IngestionFailures.Message(ReasonCodes.OcrUnavailable), failed.Message);
        Assert.DoesNotContain("10.0.0.7", failed.Message, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(Marked), failed.Bytes);
        var counted = Assert.Single(_failed.GetMeasurementSnapshot());
        Assert.Equal((ReasonCodes.OcrUnavailable, "2026-H1"), (counted.Tags["reason"], counted.Tags["period"]));
    }

    [Fact]
    public async Task RecordAsync_NoAttemptRecordedAnything_FailedProcessingFailed()
    {
        var key = ReportPath.Read("2026-H1/KEN/lost.txt", Keys.States).Key;

        var failed = await CreateFailures().RecordAsync(key, TestContext.Current.CancellationToken);

        Assert.Equal((IngestionStatus.Failed, ReasonCodes.ProcessingFailed, -1L), (failed.Status, failed.ReasonCode, failed.Bytes));
        Assert.Single(_failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task RecordAsync_UploadSettledMeanwhile_LeavesItAndCountsNothing()
    {
        var accepted = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        var row = await CreateFailures().RecordAsync(accepted.Upload, TestContext.Current.CancellationToken);

        Assert.Equal(IngestionStatus.Accepted, row.Status);
        Assert.Empty(_failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task IngestAsync_FailedUploadRunAgain_AcceptedAndTheReasonCleared()
    {
        var sut = CreateSut(analyzer: new FailingAnalyzer(new TimeoutException()));
        await Assert.ThrowsAsync<TimeoutException>(() => IngestAsync("2026-H1/KEN/reply.txt", Marked, sut));
        await CreateFailures().RecordAsync(ReportPath.Read("2026-H1/KEN/reply.txt", Keys.States).Key, TestContext.Current.CancellationToken);

        var again = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        Assert.Equal(IngestionStatus.Accepted, again.Status);
        var row = _fakes.Store.Uploads[again.Upload];
        Assert.Equal((IngestionStatus.Accepted, (string?)null, (string?)null), (row.Status, row.ReasonCode, row.Message));
    }

    [Theory]
    [InlineData(typeof(TimeoutException), ReasonCodes.Timeout)]
    [InlineData(typeof(OperationCanceledException), ReasonCodes.Timeout)]
    [InlineData(typeof(InvalidOperationException), ReasonCodes.ProcessingFailed)]
    [InlineData(typeof(IOException), ReasonCodes.ProcessingFailed)]
    public void Classify_Exception_ReasonCode(Type type, string expected) =>
        Assert.Equal(expected, IngestionFailures.Classify((Exception)Activator.CreateInstance(type)!));

    [Fact]
    public async Task IngestAsync_OlderUploadFinishesLast_BecomesHistoryAndTheLaterStaysCurrent()
    {
        var at = _fakes.Time.GetUtcNow();

        var later = await IngestAsync("2026-H1/KEN/corrected.txt", "(c) The Council should prioritise the protection of soft targets.", uploadedAt: at.AddMinutes(2));
        var older = await IngestAsync("2026-H1/KEN/scan.txt", Marked, uploadedAt: at);

        Assert.Equal((IngestionStatus.Accepted, 1), (later.Status, later.Version));
        Assert.Equal((IngestionStatus.Accepted, 2), (older.Status, older.Version));
        var key = Keys.Submission("2026-H1", "KEN");
        var current = await _fakes.Store.GetSubmissionAsync(key, TestContext.Current.CancellationToken);
        Assert.Equal(("2026-H1/KEN/corrected.txt", 1, "c"), (current!.BlobName, current.Version, current.Coverage.ToString()));
        Assert.Equal([2, 1], (await _fakes.Store.ListVersionsAsync(key, TestContext.Current.CancellationToken)).Select(v => v.Version));
        Assert.Equal([Question.C], (await _fakes.Store.ListCurrentAnswersAsync(key.Period, TestContext.Current.CancellationToken)).Select(a => a.Question));
    }

    [Fact]
    public async Task IngestAsync_SameBytesUnderANewExtractor_NewExtractionSameVersion()
    {
        await IngestAsync("2026-H1/KEN/reply.txt", Marked, CreateSut(extractor: new RenamedExtractor("rules-0")));
        _fakes.Store.Writes.Clear();

        var again = await IngestAsync("2026-H1/KEN/reply.txt", Marked);
        var replay = await IngestAsync("2026-H1/KEN/reply.txt", Marked);

        Assert.Equal((IngestionStatus.Accepted, 1), (again.Status, again.Version));
        Assert.Equal((IngestionStatus.Unchanged, 1), (replay.Status, replay.Version));
        Assert.Equal(["submission 1", "upload Accepted"], _fakes.Store.Writes);
        var current = await _fakes.Store.GetSubmissionAsync(Keys.Submission("2026-H1", "KEN"), TestContext.Current.CancellationToken);
        Assert.Equal((1, AnswerExtractor.ExtractorVersion), (current!.Version, current.ExtractorVersion));
        Assert.Equal(AnswerExtractor.ExtractorVersion, _fakes.Store.Uploads[again.Upload].ExtractorVersion);
    }

    [Fact]
    public async Task IngestAsync_ClosedPeriod_RejectedPeriodClosedRecordedAndQuarantined()
    {
        var outcome = await IngestAsync("2025-H2/KEN/late.txt", Marked);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.PeriodClosed), (outcome.Status, outcome.ReasonCode));
        Assert.Equal("The period 2025-H2 is not open for reports; open: 2026-H1.", outcome.Message);
        Assert.Equal((outcome.Upload, Encoding.UTF8.GetByteCount(Marked), ReasonCodes.PeriodClosed), Assert.Single(_fakes.Quarantine.Copies));
        Assert.Empty(await _fakes.Store.ListSubmissionsAsync(Period.Parse("2025-H2"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IngestAsync_PeriodReopened_TheRefusalIsReconsidered()
    {
        await IngestAsync("2025-H2/KEN/late.txt", Marked);
        var stillClosed = await IngestAsync("2025-H2/KEN/late.txt", Marked);

        var reopened = await IngestAsync("2025-H2/KEN/late.txt", Marked, CreateSut(open: "2025-H2,2026-H1"));

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.PeriodClosed), (stillClosed.Status, stillClosed.ReasonCode));
        Assert.Single(_fakes.Quarantine.Copies);
        Assert.Equal((IngestionStatus.Accepted, 1), (reopened.Status, reopened.Version));
    }

    [Fact]
    public async Task IngestAsync_ClosedPeriodUnderANewExtractor_StaysAsItWas()
    {
        await IngestAsync("2025-H2/KEN/reply.txt", Marked, CreateSut(extractor: new RenamedExtractor("rules-0"), open: "2025-H2"));
        _fakes.Store.Writes.Clear();

        var again = await IngestAsync("2025-H2/KEN/reply.txt", Marked);

        Assert.Equal(IngestionStatus.Unchanged, again.Status);
        Assert.Empty(_fakes.Store.Writes);
        Assert.Equal("rules-0", (await _fakes.Store.GetSubmissionAsync(Keys.Submission("2025-H2", "KEN"), TestContext.Current.CancellationToken))!.ExtractorVersion);
    }

    [Fact]
    public async Task IngestAsync_AcceptedReportFailsAgainUnderANewExtractor_StaysAcceptedAsItWas()
    {
        var first = await IngestAsync("2026-H1/KEN/reply.txt", Marked, CreateSut(extractor: new RenamedExtractor("rules-0")));
        // No layout kept for the bytes (a report ingested before layouts were), so extracting it again analyses it.
        _fakes.LayoutStore.Clear();
        var sut = CreateSut(analyzer: new FailingAnalyzer(new ServiceUnavailableException(ReasonCodes.OcrUnavailable, "down", new HttpRequestException())));

        await Assert.ThrowsAsync<ServiceUnavailableException>(() => IngestAsync("2026-H1/KEN/reply.txt", Marked, sut));
        var row = await CreateFailures().RecordAsync(first.Upload, TestContext.Current.CancellationToken);

        Assert.Equal((IngestionStatus.Accepted, "rules-0"), (row.Status, row.ExtractorVersion));
    }

    [Fact]
    public async Task IngestAsync_BlobGone_NotFoundAndNothingRecorded()
    {
        var outcome = await CreateSut().IngestAsync(ReportPath.Read("2026-H1/KEN/deleted.txt", Keys.States), TestContext.Current.CancellationToken);

        Assert.Equal(IngestionStatus.NotFound, outcome.Status);
        Assert.Empty(_fakes.Store.Writes);
    }
}
