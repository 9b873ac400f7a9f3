using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Storage;
using ReportPipeline.Documents;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests.Review;

/// <summary>
/// A report's layout kept once at ingest in <c>layouts/</c> (real Azurite), and the review sheet and the state's indications served from
/// it without the analyzer; a report ingested before layouts were kept is analysed once on its first read, then kept.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LayoutStoreTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private static readonly StaffPrincipal s_ana = new("00000000-0000-0000-0000-0000000000a1", "Ana Analyst", new HashSet<string>(), IsLocal: false);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingAnalyzer _analyzer = new();
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= azurite.CreateServices(s =>
    {
        s.AddSingleton<TimeProvider>(_clock);
        s.AddSingleton<IDocumentAnalyzer>(p => _analyzer.Over(ActivatorUtilities.CreateInstance<DocumentAnalyzer>(p)));
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
        var kept = await Services.GetRequiredService<ILayoutStore>().GetAsync(Hash(text), Ct);
        var analysed = await ActivatorUtilities.CreateInstance<DocumentAnalyzer>(Services).AnalyzeAsync(Encoding.UTF8.GetBytes(text), "report.txt", Ct);
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
        Assert.Equal(first.Paragraphs, (await layouts.GetAsync(hash, Ct))!.Paragraphs);
    }

    [Theory]
    [InlineData("""{"version":0,"contentHash":"HASH","format":"text","language":"en","pages":1,"paragraphs":[],"tables":[],"warnings":[]}""")]
    [InlineData("not json {")]
    public async Task KeepAsync_BlobOfAnotherFormatVersionOrUnreadable_ReadsAsMissingAndIsReplaced(string stored)
    {
        var text = Report();
        var hash = Hash(text);
        await Layouts.GetBlobClient($"{hash}.json").UploadAsync(BinaryData.FromString(stored.Replace("HASH", hash, StringComparison.Ordinal)), Ct);
        var layouts = Services.GetRequiredService<ILayoutStore>();
        var layout = await ActivatorUtilities.CreateInstance<DocumentAnalyzer>(Services).AnalyzeAsync(Encoding.UTF8.GetBytes(text), "report.txt", Ct);

        var before = await layouts.GetAsync(hash, Ct);
        var kept = await layouts.KeepAsync(hash, layout, Ct);

        Assert.Null(before);
        Assert.Same(layout, kept);
        Assert.Equal(layout.Paragraphs, (await layouts.GetAsync(hash, Ct))!.Paragraphs);
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
