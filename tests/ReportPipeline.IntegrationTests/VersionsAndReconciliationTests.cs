using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Extraction.Learned;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Functions.Surveys;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests;

/// <summary>
/// On Azurite, through the function classes: the latest upload is current whatever order processing finishes in, answers
/// of two extractions never mix, a closed period stays as it was, and blobs nobody processed are found and ingested.
/// </summary>
[Trait("Category", "Integration")]
[Collection(TimerCollection.Name)]
public sealed class VersionsAndReconciliationTests(AzuriteFixture azurite)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private ISubmissionStore Store => azurite.Services.GetRequiredService<ISubmissionStore>();

    /// <summary>Uploads without triggering anything, as when Event Grid's delivery is lost; returns the blob's upload time.</summary>
    private async Task<DateTimeOffset> UploadAsync(string blobName, string text) =>
        (await azurite.Storage.Report(blobName).UploadAsync(BinaryData.FromString(text), overwrite: true, _ct)).Value.LastModified;

    [Fact]
    public async Task RunAsync_TwoUploadsFinishingInReverseOrder_TheLaterUploadStaysCurrentAndTheOlderIsHistory()
    {
        var period = AzuriteFixture.NewPeriod();
        // Named so that a tie on time would favour the older: only the upload time may decide here.
        var older = $"{period}/IND/b-scan.txt";
        var later = $"{period}/IND/a-corrected.txt";
        var olderAt = await UploadAsync(older, "(a) The scan: our border agencies lack equipment.");
        DateTimeOffset laterAt;
        do
        {
            laterAt = await UploadAsync(later, "(c) The correction: the Council should prioritise soft targets.");
        }
        while (laterAt <= olderAt);

        var first = await azurite.IngestAsync(later);
        var last = await azurite.IngestAsync(older);

        Assert.Equal((IngestionStatus.Accepted, 1), (first.Status, first.Version));
        Assert.Equal((IngestionStatus.Accepted, 2), (last.Status, last.Version));
        var key = AzuriteFixture.Key(period, "IND");
        var current = await Store.GetSubmissionAsync(key, _ct);
        Assert.Equal((later, 1, laterAt), (current!.BlobName, current.Version, current.UploadedAt));
        Assert.Equal([(older, 2), (later, 1)], (await Store.ListVersionsAsync(key, _ct)).Select(v => (v.BlobName, v.Version)));
        Assert.Equal([Question.C], (await Store.ListCurrentAnswersAsync(period, _ct)).Select(a => a.Question));
        var status = await azurite.Services.GetRequiredService<UploadStatusQuery>().ListAsync(period, "IND", _ct);
        Assert.Equal([(older, 2, false), (later, 1, true)], status.Select(s => (s.BlobName, s.Version, s.Current)));

        // A third upload, later than both, becomes current as version 3.
        var third = $"{period}/IND/c-final.txt";
        DateTimeOffset thirdAt;
        do
        {
            thirdAt = await UploadAsync(third, "(d) The final text: CTED and UNOCT should coordinate.");
        }
        while (thirdAt <= laterAt);
        Assert.Equal(3, (await azurite.IngestAsync(third)).Version);
        Assert.Equal(third, (await Store.GetSubmissionAsync(key, _ct))!.BlobName);
    }

    [Fact]
    public async Task RunAsync_CurrentReportSentAgainWhileAnUploadBetweenFinishesLast_TheResubmissionStaysCurrent()
    {
        var period = AzuriteFixture.NewPeriod();
        var key = AzuriteFixture.Key(period, "KNA");
        const string Report = "(a) Our border agencies lack equipment.";
        // Uploaded in this order, named in this order: within one second the names decide, and they agree.
        var first = $"{period}/KNA/1-report.txt";
        var between = $"{period}/KNA/2-draft.txt";
        var again = $"{period}/KNA/3-report-again.txt";
        await UploadAsync(first, Report);
        await UploadAsync(between, "(c) A draft: the Council should prioritise soft targets.");
        var againAt = await UploadAsync(again, Report);

        Assert.Equal((IngestionStatus.Accepted, 1), ((await azurite.IngestAsync(first)).Status, (await Store.GetSubmissionAsync(key, _ct))!.Version));
        var resent = await azurite.IngestAsync(again);
        var late = await azurite.IngestAsync(between);

        Assert.Equal((IngestionStatus.Unchanged, 1), (resent.Status, resent.Version));
        Assert.Equal((IngestionStatus.Accepted, 2), (late.Status, late.Version));
        var current = await Store.GetSubmissionAsync(key, _ct);
        Assert.Equal((1, again, againAt), (current!.Version, current.BlobName, current.UploadedAt));
        Assert.Equal([Question.A], (await Store.ListCurrentAnswersAsync(period, _ct)).Select(a => a.Question));
        var status = await azurite.Services.GetRequiredService<UploadStatusQuery>().ListAsync(period, "KNA", _ct);
        Assert.Equal([(first, 1, true), (between, 2, false), (again, 1, true)], status.Select(s => (s.BlobName, s.Version, s.Current)));
    }

    [Fact]
    public async Task RunAsync_ABAWithTheExtractorChangedBetween_AnswersNeverMix()
    {
        var period = AzuriteFixture.NewPeriod();
        var key = AzuriteFixture.Key(period, "PAK");
        const string A = "(a) Report A: our border agencies lack equipment.";
        await using var before = azurite.CreateServices(s => s.AddSingleton<IAnswerExtractor>(new ScriptedExtractor("scripted-1", answers: 3)));
        await using var after = azurite.CreateServices(s => s.AddSingleton<IAnswerExtractor>(new ScriptedExtractor("scripted-2", answers: 1)));

        // Names in upload order, so that uploads within one second still order as uploaded.
        await azurite.UploadAndIngestAsync($"{period}/PAK/1-a.txt", BinaryData.FromString(A), before);
        await azurite.UploadAndIngestAsync($"{period}/PAK/2-b.txt", BinaryData.FromString("(b) Report B: assistance helped."), before);
        var again = await azurite.UploadAndIngestAsync($"{period}/PAK/3-a-again.txt", BinaryData.FromString(A), after);
        var reextracted = await azurite.IngestAsync($"{period}/PAK/2-b.txt", after);

        Assert.Equal((IngestionStatus.Accepted, 3), (again.Status, again.Version));
        Assert.Equal(["scripted-2 answer 0 of 1"], (await Store.ListCurrentAnswersAsync(period, _ct)).Select(a => a.Text));
        var versions = await Store.ListVersionsAsync(key, _ct);
        Assert.Equal([(1, "scripted-1", 3), (2, "scripted-2", 1), (3, "scripted-2", 1)],
            await Task.WhenAll(versions.Select(async v => (v.Version, v.ExtractorVersion, (await Store.ListAnswersAsync(v, _ct)).Count))));
        Assert.Equal((IngestionStatus.Accepted, 2), (reextracted.Status, reextracted.Version));
        Assert.Equal(3, (await Store.GetSubmissionAsync(key, _ct))!.Version);
    }

    [Fact]
    public async Task IngestAsync_SameBytesExtractedAgainShorter_LeavesNoRowOfTheLongerWrite()
    {
        var period = AzuriteFixture.NewPeriod();
        var submission = new SubmissionRecord(AzuriteFixture.Key(period, "UGA"), new string('c', 64), $"{period}/UGA/r.txt", "text", "en", 1,
            QuestionSet.Parse("a"), [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "scripted-1");
        var extractor = new ScriptedExtractor("scripted-1", answers: 4);
        await Store.SaveSubmissionAsync(submission, extractor.Extract(null!), _ct);
        await Store.SaveSubmissionAsync(submission with { ExtractorVersion = "scripted-0" }, extractor.Extract(null!), _ct);

        // The first extraction written again, shorter (an extractor that is not deterministic, or a write cut short earlier).
        var current = (await Store.ListVersionsAsync(submission.Key, _ct)).Single();
        Assert.Equal(("scripted-0", 1), (current.ExtractorVersion, current.Version));
        await Store.SaveSubmissionAsync(submission, new ScriptedExtractor("scripted-1", answers: 2).Extract(null!), _ct);

        var rows = new List<string>();
        await foreach (var row in azurite.Storage.Tables.GetTableClient(StorageNames.AnswersTable).QueryAsync<TableEntity>(e => e.PartitionKey == period.Value, cancellationToken: _ct))
        {
            rows.Add(row.RowKey);
        }

        Assert.Equal(["scripted-1 answer 0 of 2", "scripted-1 answer 1 of 2"], (await Store.ListCurrentAnswersAsync(period, _ct)).Select(a => a.Text));
        Assert.Equal(2, rows.Count(r => r.StartsWith(TableKeys.AnswerPrefix(submission), StringComparison.Ordinal)));
        Assert.Equal(4, rows.Count(r => r.StartsWith(TableKeys.AnswerPrefix(current), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_LateBlobInAClosedPeriod_RecordedQuarantinedAndNeverCompiled()
    {
        var closed = Period.Parse("1902-H2");
        var blobName = $"{closed}/NOR/late-{Guid.NewGuid():N}.txt";

        var outcome = await azurite.UploadAndIngestAsync(blobName, BinaryData.FromString("(a) A late report: border agencies lack equipment."));
        var compiled = await azurite.Services.GetRequiredService<CompileSurveyFunction>().RunAsync(new TimerInfo(), _ct);

        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.PeriodClosed), (outcome.Status, outcome.ReasonCode));
        var row = await Store.GetUploadAsync(outcome.Upload, _ct);
        Assert.Equal((IngestionStatus.Rejected, ReasonCodes.PeriodClosed), (row!.Status, row.ReasonCode));
        var copy = azurite.Storage.Blobs.GetBlobContainerClient(StorageNames.QuarantineContainer).GetBlobClient(blobName);
        Assert.Equal(ReasonCodes.PeriodClosed, (await copy.GetPropertiesAsync(cancellationToken: _ct)).Value.Metadata[Columns.ReasonMetadata]);
        Assert.Empty(await Store.ListSubmissionsAsync(closed, _ct));
        Assert.DoesNotContain(compiled, c => c.Edition.Period == closed);
    }

    [Fact]
    public async Task RunAsync_BlobsNobodyIngested_FoundByTheTimerAndIngested()
    {
        // The timer reconciles every period, so it runs on an emulator of its own: on the shared one it would ingest other
        // tests' blobs between their upload and their own ingest.
        await using var own = new AzuriteFixture();
        await own.InitializeAsync();
        var period = AzuriteFixture.NewPeriod();
        var missed = $"{period}/CAN/missed.txt";
        var done = $"{period}/CAN/done.txt";
        await own.UploadAndIngestAsync(done, BinaryData.FromString("(b) Assistance from UNODC helped."));
        await own.Storage.Report(missed).UploadAsync(BinaryData.FromString("(a) Our border agencies lack equipment."), _ct);
        var stray = $"{period}-stray-{Guid.NewGuid():N}.txt";
        await own.Storage.Report(stray).UploadAsync(BinaryData.FromString("not under {period}/{ISO3}/"), _ct);
        var reconciler = own.Services.GetRequiredService<UploadReconciler>();

        var selected = await reconciler.SelectAsync(new ReprocessRequest(period, Missing: true), _ct);
        var result = await own.Services.GetRequiredService<ReconcileUploadsFunction>().RunAsync(new TimerInfo(), _ct);
        var rerun = await reconciler.SelectAsync(new ReprocessRequest(period, Missing: true), _ct);

        Assert.Equal([missed], selected);
        Assert.Contains(result.Outcomes, o => o.Upload.BlobName == missed && o.Status == IngestionStatus.Accepted);
        Assert.Contains(result.Outcomes, o => o.Upload.BlobName == stray && o.ReasonCode == ReasonCodes.BadPath);
        Assert.DoesNotContain(result.Outcomes, o => o.Upload.BlobName == done);
        Assert.Empty(rerun);
        Assert.Equal(2, (await own.Services.GetRequiredService<ISubmissionStore>().ListUploadsAsync(period, "CAN", _ct)).Count(u => u.Status == IngestionStatus.Accepted));
    }

    [Fact]
    public async Task SelectAsync_Stale_PicksTheCurrentReportsOfAnotherExtractorOnly()
    {
        var period = AzuriteFixture.NewPeriod();
        await using var old = azurite.CreateServices(s => s.AddSingleton<IAnswerExtractor>(new ScriptedExtractor("scripted-0", answers: 1)));
        await azurite.UploadAndIngestAsync($"{period}/CHE/old.txt", BinaryData.FromString("(a) Extracted by an earlier extractor."), old);
        await azurite.UploadAndIngestAsync($"{period}/AUT/new.txt", BinaryData.FromString("(a) Extracted by the running extractor."));
        var reconciler = azurite.Services.GetRequiredService<UploadReconciler>();

        var stale = await reconciler.SelectAsync(new ReprocessRequest(period, Stale: true), _ct);
        var outcome = await reconciler.ReprocessAsync(stale.Single(), _ct);

        Assert.Equal([$"{period}/CHE/old.txt"], stale);
        Assert.Equal((IngestionStatus.Accepted, 1), (outcome.Status, outcome.Version));
        Assert.Empty(await reconciler.SelectAsync(new ReprocessRequest(period, Stale: true), _ct));
        var status = await azurite.Services.GetRequiredService<UploadStatusQuery>().ListAsync(period, "CHE", _ct);
        Assert.Equal(ExtractionModel.Default.Version, Assert.Single(status).ExtractorVersion);
    }

    /// <summary>An extractor of our own interface whose answers name its version, so rows of two extractions can be told apart.</summary>
    private sealed class ScriptedExtractor(string version, int answers) : IAnswerExtractor
    {
        public string ExtractorVersion => version;

        public Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken) => Task.FromResult(Extract(document));

        public ExtractedReport Extract(LayoutDocument? document)
        {
            ExtractedAnswer[] list = [.. Enumerable.Range(0, answers).Select(i =>
                new ExtractedAnswer(Question.FromIndex(i % 4), $"{version} answer {i} of {answers}", 0.9, ExtractionMethods.Marker, [new Provenance(1, i + 1)], []))];
            return new ExtractedReport("en", 1, list, ThemeCatalog.Summarise(list), []) { ExtractorVersion = version };
        }
    }
}
