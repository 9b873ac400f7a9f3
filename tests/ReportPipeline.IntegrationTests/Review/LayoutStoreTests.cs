using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Storage;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Learned;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests.Review;

/// <summary>
/// A report's layout kept once at ingest in <c>layouts/</c> (real Azurite); a second ingest of the same bytes, a retry,
/// <c>reprocess --stale</c>, the review sheet and the state's indications extract from it or show it without the analyzer;
/// a report ingested before layouts were kept is analysed once on its first read, then kept; a kept blob that cannot be
/// read is analysed around and never replaced.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LayoutStoreTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private static readonly StaffPrincipal s_ana = new("00000000-0000-0000-0000-0000000000a1", "Ana Analyst", new HashSet<string>(), IsLocal: false);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingAnalyzer _analyzer = new();
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= Compose();

    /// <summary>The app over the shared Azurite with this test's clock, the counting analyzer and fake logging; <paramref name="configure"/> after.</summary>
    private ServiceProvider Compose(Action<IServiceCollection>? configure = null) => azurite.CreateServices(s =>
    {
        s.AddLogging(logging => logging.AddFakeLogging());
        s.AddSingleton<TimeProvider>(_clock);
        s.AddSingleton<IDocumentAnalyzer>(p => _analyzer.Over(ActivatorUtilities.CreateInstance<DocumentAnalyzer>(p)));
        configure?.Invoke(s);
    });

    private BlobContainerClient Layouts => azurite.Storage.Blobs.GetBlobContainerClient(StorageNames.LayoutsContainer);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>Words no other test ingests, so the layout (kept by content hash in the shared emulator) is this test's own.</summary>
    private static string Report() => $"""
        (a) Our main challenge is the financing of terrorism through virtual assets, as case {Guid.NewGuid():N} showed.

        (b) Technical assistance from CTED and UNODC helped us draft our counter-terrorism financing law in 2025.

        The national working group met in Nairobi on four occasions during the year.
        """;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<SubmissionKey> IngestAsync(string text, string iso3 = "KEN", Period? period = null, string file = "report.txt")
    {
        period ??= AzuriteFixture.NewPeriod();
        var outcome = await azurite.UploadAndIngestAsync($"{period}/{iso3}/{file}", BinaryData.FromString(text), Services);
        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        return AzuriteFixture.Key(period, iso3);
    }

    private ISubmissionStore Store => Services.GetRequiredService<ISubmissionStore>();

    private async Task<SubmissionRecord> SubmissionAsync(SubmissionKey key) => (await Store.GetSubmissionAsync(key, Ct))!;

    /// <summary>A version's answers as compared here: question, words, confidence, method, page and paragraph of each.</summary>
    private async Task<string[]> AnswersAsync(SubmissionKey key) =>
        [.. (await Store.ListAnswersAsync(await SubmissionAsync(key), Ct)).Select(a => Answer(a.Question, a.Text, a.Confidence, a.Method, a.Provenance))];

    private static string Answer(Question question, string text, double confidence, string method, IEnumerable<Provenance> at) =>
        $"{question} {text} {confidence:R} {method} {string.Join(';', at.Select(p => $"{p.Page}.{p.Paragraph}"))}";

    /// <summary>The real analyzer on its own, not counted: what analysing the bytes afresh gives.</summary>
    private Task<LayoutDocument> AnalyseAfreshAsync(string text, string file) =>
        ActivatorUtilities.CreateInstance<DocumentAnalyzer>(Services).AnalyzeAsync(Encoding.UTF8.GetBytes(text), file, Ct);

    private async Task<List<string>> KeptAsync(string hash)
    {
        var names = new List<string>();
        await foreach (var blob in Layouts.GetBlobsAsync(BlobTraits.None, BlobStates.None, hash, Ct))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    [Fact]
    public async Task Ingest_Report_KeepsItsLayoutOnceWithFormatVersionAndTheParagraphsExtracted()
    {
        var text = Report();
        var key = await IngestAsync(text);

        Assert.Equal([$"{Hash(text)}.json"], await KeptAsync(Hash(text)));
        Assert.Equal(1, _analyzer.Calls);
        var json = JsonDocument.Parse((await Layouts.GetBlobClient($"{Hash(text)}.json").DownloadContentAsync(Ct)).Value.Content.ToString()).RootElement;
        Assert.Equal((BlobLayoutStore.FormatVersion, Hash(text)), (json.GetProperty("version").GetInt32(), json.GetProperty("contentHash").GetString()));
        var kept = (await Services.GetRequiredService<ILayoutStore>().GetAsync(Hash(text), Ct)).Layout;
        var analysed = await AnalyseAfreshAsync(text, "report.txt");
        Assert.Equal(analysed.Paragraphs, kept!.Paragraphs);
        Assert.Equal((analysed.Format, analysed.Language, analysed.Pages), (kept.Format, kept.Language, kept.Pages));
        Assert.Equal(analysed.Warnings, kept.Warnings);
        var answers = await Services.GetRequiredService<ISubmissionStore>().ListAnswersAsync((await Services.GetRequiredService<ISubmissionStore>().GetSubmissionAsync(key, Ct))!, Ct);
        Assert.All(answers.SelectMany(a => a.Provenance), at => Assert.Contains(kept.ContentParagraphs, p => (p.Page, p.Index) == (at.Page, at.Paragraph)));
    }

    [Fact]
    public async Task Ingest_RetryAndTheSameBytesUploadedAgain_LeaveTheOneLayoutAsItWas()
    {
        var text = Report();
        var key = await IngestAsync(text);
        var blob = Layouts.GetBlobClient($"{Hash(text)}.json");
        var first = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag;

        var retry = await azurite.IngestAsync($"{key.Period}/KEN/report.txt", Services);
        await IngestAsync(text, "FRA", key.Period, "copy.txt");

        Assert.Equal(IngestionStatus.Unchanged, retry.Status);
        Assert.Equal([$"{Hash(text)}.json"], await KeptAsync(Hash(text)));
        Assert.Equal(first, (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
    }

    [Fact]
    public async Task ReviewAndIndications_LayoutKept_ServedWithoutCallingTheAnalyzer()
    {
        var key = await IngestAsync(Report());
        var review = Services.GetRequiredService<ReviewService>();
        var indications = Services.GetRequiredService<StateIndicationService>();
        var afterIngest = _analyzer.Calls;

        var sheet = await review.ShowAsync(key, Ct);
        var portal = await indications.ShowAsync(key, Ct);
        await indications.IndicateAsync(key, "0123456789abcdef", new StateIndicationRequest(ReviewAction.Point, portal.Version, portal.Revision, Question.C, "1.3"), Ct);
        var decided = await review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "c-1.3"), s_ana, null, Ct);

        Assert.Equal((1, 1), (afterIngest, _analyzer.Calls));
        Assert.Equal(["1.1", "1.2", "1.3"], sheet.Paragraphs.Select(p => p.Id));
        Assert.Equal(sheet.Paragraphs, portal.Paragraphs);
        Assert.Equal(PassageDecisions.Accepted, decided.Questions["c"].Passages.Single(p => p.Id == "c-1.3").Decision);
    }

    [Fact]
    public async Task Review_ReportIngestedBeforeLayoutsWereKept_AnalysedOnceOnFirstReadThenKept()
    {
        var text = Report();
        var key = await IngestAsync(text);
        await Layouts.DeleteBlobAsync($"{Hash(text)}.json", cancellationToken: Ct);
        var review = Services.GetRequiredService<ReviewService>();

        var first = await review.ShowAsync(key, Ct);
        var keptAgain = await KeptAsync(Hash(text));
        var second = await review.ShowAsync(key, Ct);
        var portal = await Services.GetRequiredService<StateIndicationService>().ShowAsync(key, Ct);

        Assert.Equal([$"{Hash(text)}.json"], keptAgain);
        Assert.Equal(2, _analyzer.Calls);
        Assert.Equal(["1.1", "1.2", "1.3"], first.Paragraphs.Select(p => p.Id));
        Assert.Equal(first.Paragraphs, second.Paragraphs);
        Assert.Equal(first.Paragraphs, portal.Paragraphs);
    }

    [Fact]
    public async Task KeepAsync_LayoutAlreadyKept_LeavesItAndReturnsIt()
    {
        var text = Report();
        var hash = Hash(text);
        var layouts = Services.GetRequiredService<ILayoutStore>();
        var first = await ActivatorUtilities.CreateInstance<DocumentAnalyzer>(Services).AnalyzeAsync(Encoding.UTF8.GetBytes(text), "report.txt", Ct);
        var other = first with { Paragraphs = [.. first.Paragraphs.Select(p => p with { Page = 2 })] };
        await layouts.KeepAsync(hash, first, Ct);

        var kept = await layouts.KeepAsync(hash, other, Ct);

        Assert.Equal(first.Paragraphs, kept!.Paragraphs);
        Assert.Equal(first.Paragraphs, (await layouts.GetAsync(hash, Ct)).Layout!.Paragraphs);
    }

    [Theory]
    [InlineData("""{"version":2,"contentHash":"HASH","format":"text","language":"en","pages":1,"paragraphs":[],"tables":[],"warnings":[]}""", "format version 2")]
    [InlineData("""{"version":1,"contentHash":"HASH","format":"text","language":"en","pages":1,"paragraphs":[{"page":1,"index":1,"role":"body"}],"tables":[],"warnings":[]}""", "not a layout")]
    [InlineData("not json {", "not a layout")]
    public async Task GetAndKeep_BlobOfAnotherFormatVersionOrUnreadable_ReadsAsUnreadableAndIsNeverReplaced(string stored, string problem)
    {
        var text = Report();
        var hash = Hash(text);
        var blob = Layouts.GetBlobClient($"{hash}.json");
        await blob.UploadAsync(BinaryData.FromString(stored.Replace("HASH", hash, StringComparison.Ordinal)), Ct);
        var etag = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag;
        var layouts = Services.GetRequiredService<ILayoutStore>();
        var layout = await AnalyseAfreshAsync(text, "report.txt");

        var before = await layouts.GetAsync(hash, Ct);
        var kept = await layouts.KeepAsync(hash, layout, Ct);

        Assert.Null(before.Layout);
        Assert.StartsWith(problem, before.Problem, StringComparison.Ordinal);
        Assert.Same(layout, kept);
        Assert.Equal(etag, (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
        Assert.Equal(before, await layouts.GetAsync(hash, Ct));
    }

    [Fact]
    public async Task Ingest_SameBytesForAnotherStateAndPeriodAndARetry_ExtractedFromTheKeptLayoutWithoutTheAnalyzer()
    {
        // Text named .pdf: its analysis carries a warning (format-mismatch), which the row must keep saying.
        var text = Report();
        var first = await IngestAsync(text, "KEN", file: "report.pdf");
        var row = await SubmissionAsync(first);
        var again = await IngestAsync(text, "FRA", file: "report.pdf");
        // The upload's row as an attempt that died after keeping the layout leaves it: Processing, so the retry runs.
        var ledger = Assert.Single(await Store.ListUploadsAsync(first.Period, "KEN", Ct));
        await Store.RecordUploadAsync(ledger with { Status = IngestionStatus.Processing }, Ct);

        var retry = await azurite.IngestAsync($"{first.Period}/KEN/report.pdf", Services);

        Assert.Equal((IngestionStatus.Accepted, 1), (retry.Status, retry.Version));
        Assert.Equal(1, _analyzer.Calls);
        Assert.Equal(await AnswersAsync(first), await AnswersAsync(again));
        Assert.NotEmpty(await AnswersAsync(again));
        Assert.Contains(row.Warnings, w => w.StartsWith("format-mismatch", StringComparison.Ordinal));
        Assert.Equal(row.Warnings, (await SubmissionAsync(again)).Warnings);
        Assert.Equal(row.Warnings, (await SubmissionAsync(first)).Warnings);
    }

    [Fact]
    public async Task ReprocessStale_AfterTheExtractorChanged_ReextractsFromTheKeptLayoutsWithoutTheAnalyzerAndTheSameAnswers()
    {
        var period = AzuriteFixture.NewPeriod();
        string[] texts = [Report(), Report()];
        await using (var rules = Compose(s => s.AddSingleton<IAnswerExtractor>(p => p.GetRequiredService<AnswerExtractor>())))
        {
            await azurite.IngestAcceptedAsync("KEN", texts[0], rules, "report.pdf", period);
            await azurite.IngestAcceptedAsync("GHA", texts[1], rules, "report.txt", period);
        }

        var reconciler = Services.GetRequiredService<UploadReconciler>();
        var stale = await reconciler.SelectAsync(new ReprocessRequest(period, Stale: true), Ct);
        var outcomes = new List<IngestionOutcome>();
        foreach (var blobName in stale)
        {
            outcomes.Add(await reconciler.ReprocessAsync(blobName, Ct));
        }

        Assert.Equal([$"{period}/GHA/report.txt", $"{period}/KEN/report.pdf"], stale);
        Assert.All(outcomes, o => Assert.Equal((IngestionStatus.Accepted, 1), (o.Status, o.Version)));
        Assert.Equal(2, _analyzer.Calls);
        Assert.Empty(await reconciler.SelectAsync(new ReprocessRequest(period, Stale: true), Ct));
        var extractor = Services.GetRequiredService<IAnswerExtractor>();
        foreach (var (iso3, text, file) in new[] { ("KEN", texts[0], "report.pdf"), ("GHA", texts[1], "report.txt") })
        {
            var fresh = await AnalyseAfreshAsync(text, file);
            var expected = await extractor.ExtractAsync(fresh, Ct);
            var row = await SubmissionAsync(AzuriteFixture.Key(period, iso3));
            Assert.Equal((ExtractionModel.Default.Version, 1), (row.ExtractorVersion, row.Version));
            Assert.Equal(expected.Answers.Select(a => Answer(a.Question, a.Text, a.Confidence, a.Method, a.Provenance)), await AnswersAsync(row.Key));
            Assert.Equal([.. fresh.Warnings, .. expected.Warnings], row.Warnings);
        }
    }

    [Theory]
    [InlineData("not json {")]
    [InlineData("""{"version":2,"contentHash":"HASH","format":"text","language":"en","pages":1,"paragraphs":[],"tables":[],"warnings":[]}""")]
    public async Task Ingest_KeptLayoutDamagedOrOfAnotherVersion_AnalysedAgainOnceLoggedAndLeftAsItIs(string damaged)
    {
        var text = Report();
        var first = await IngestAsync(text, file: "report.pdf");
        var blob = Layouts.GetBlobClient($"{Hash(text)}.json");
        await blob.UploadAsync(BinaryData.FromString(damaged.Replace("HASH", Hash(text), StringComparison.Ordinal)), overwrite: true, Ct);
        var etag = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag;

        var again = await IngestAsync(text, "FRA", file: "report.pdf");

        Assert.Equal(2, _analyzer.Calls);
        Assert.Equal(await AnswersAsync(first), await AnswersAsync(again));
        Assert.Equal((await SubmissionAsync(first)).Warnings, (await SubmissionAsync(again)).Warnings);
        Assert.Equal(etag, (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
        var logged = Assert.Single(Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1013);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains(Hash(text)[..16], logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_OneState_ReturnsOnlyThatStatesLogsOfThePeriod()
    {
        var period = AzuriteFixture.NewPeriod();
        var reviews = Services.GetRequiredService<IReviewStore>();
        var ken = AzuriteFixture.Key(period, "KEN");
        string[] hashes = [Hash("KEN 1"), Hash("KEN 2"), Hash("FRA"), Hash("KEN in another period")];
        await reviews.AppendAsync(ken, hashes[0], 0, Decision(1, ReviewAction.Done), Ct);
        await reviews.AppendAsync(ken, hashes[1], 0, Decision(1, ReviewAction.Reject, "a-1.1"), Ct);
        await reviews.AppendAsync(ken, hashes[1], 1, Decision(2, ReviewAction.Accept, "b-1.2"), Ct);
        await reviews.AppendAsync(AzuriteFixture.Key(period, "FRA"), hashes[2], 0, Decision(1, ReviewAction.Done), Ct);
        await reviews.AppendAsync(AzuriteFixture.Key(AzuriteFixture.NewPeriod(), "KEN"), hashes[3], 0, Decision(1, ReviewAction.Done), Ct);

        var logs = await reviews.ListAsync(ken, Ct);

        Assert.Equal([(hashes[0], 1), (hashes[1], 2)], logs.Select(l => (l.ContentHash, l.Revision)).OrderBy(l => l.Revision));
        Assert.All(logs, l => Assert.Equal(ken, l.Key));
        Assert.Equal(3, (await reviews.ListAsync(period, Ct)).Count);
    }

    private ReviewDecision Decision(int revision, ReviewAction action, string passage = "") =>
        new(revision, action, passage, null, "", "", s_ana.Id, s_ana.Name, _clock.GetUtcNow(), []);

    /// <summary>The real analyzer, counting its calls (ingest's and any review's alike).</summary>
    private sealed class CountingAnalyzer : IDocumentAnalyzer
    {
        private IDocumentAnalyzer? _inner;
        private int _calls;

        public int Calls => _calls;

        public CountingAnalyzer Over(IDocumentAnalyzer inner)
        {
            _inner = inner;
            return this;
        }

        public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _inner!.AnalyzeAsync(content, fileName, cancellationToken);
        }
    }
}
