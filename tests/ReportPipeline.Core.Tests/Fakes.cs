using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

/// <summary>Shared test data: the real Member State list, and typed keys from short literals.</summary>
internal static class Keys
{
    public static MemberStateRegistry States { get; } = MemberStateRegistry.LoadEmbedded();

    public static MemberState State(string iso3) => States.TryGet(iso3, out var state) ? state : throw new ArgumentException($"{iso3} is no Member State.", nameof(iso3));

    public static SubmissionKey Submission(string period, string iso3) => new(Period.Parse(period), State(iso3));

    public static Question Q(char letter) => Question.TryParse(letter, out var question) ? question : throw new ArgumentException($"{letter} is no question.", nameof(letter));
}

/// <summary>Locates reports under a prefix of its own, so a test can tell that the compiler asked.</summary>
internal sealed class FakeReportLocator : IReportLocator
{
    public string Locate(string blobName) => $"located/{blobName}";
}

/// <summary>The submission store in memory, placing versions by the same rules as the Table adapter: what a test reads back is what the code under test wrote.</summary>
internal sealed class InMemorySubmissionStore : ISubmissionStore
{
    private readonly Dictionary<Ingestion.UploadKey, UploadRecord> _uploads = [];
    private readonly Dictionary<SubmissionKey, List<SubmissionRecord>> _versions = [];
    private readonly Dictionary<SubmissionKey, SubmissionRecord> _current = [];
    private readonly Dictionary<(SubmissionKey, string Hash, string Extractor), ExtractedReport> _answers = [];

    /// <summary>Every write, in order: "upload {status}" or "submission {version}".</summary>
    public List<string> Writes { get; } = [];

    public Exception? FailSaves { get; set; }

    public IReadOnlyDictionary<Ingestion.UploadKey, UploadRecord> Uploads => _uploads;

    public Task<UploadRecord?> GetUploadAsync(Ingestion.UploadKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_uploads.GetValueOrDefault(key));

    public Task RecordUploadAsync(UploadRecord upload, CancellationToken cancellationToken)
    {
        _uploads[upload.Key] = upload;
        Writes.Add($"upload {upload.Status}");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UploadRecord>> ListUploadsAsync(Period period, string? state, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UploadRecord>>([.. _uploads.Values.Where(u => u.Key.Period == period && (state is null || u.Key.State == state))]);

    public Task<SubmissionRecord?> GetSubmissionAsync(SubmissionKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_current.GetValueOrDefault(key));

    public Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken)
    {
        if (FailSaves is { } failure)
        {
            throw failure;
        }

        var versions = _versions.TryGetValue(submission.Key, out var list) ? list : _versions[submission.Key] = [];
        var current = _current.GetValueOrDefault(submission.Key);
        var (placement, stored) = SubmissionRules.Place(submission, current, versions.Count == 0 ? 0 : versions.Max(v => v.Version), versions);
        if (placement == Placement.Unchanged)
        {
            return Task.FromResult(new SubmissionSaveResult(stored, Changed: false));
        }

        if (placement != Placement.Resubmitted)
        {
            _answers[(stored.Key, stored.ContentHash, stored.ExtractorVersion)] = report;
        }

        versions.RemoveAll(v => v.Version == stored.Version);
        versions.Add(stored);
        if (placement == Placement.Current || current?.Version == stored.Version)
        {
            _current[stored.Key] = stored;
        }

        Writes.Add($"submission {stored.Version}");
        return Task.FromResult(new SubmissionSaveResult(stored, Changed: placement != Placement.Resubmitted));
    }

    public Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(Period period, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SubmissionRecord>>([.. _current.Values.Where(s => s.Key.Period == period)]);

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, CancellationToken cancellationToken) =>
        await ListCurrentAnswersAsync(period, await ListSubmissionsAsync(period, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredAnswer>>([.. current.SelectMany(Answers)]);

    public Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PeriodActivity>>([.. _current.Values.GroupBy(s => s.Key.Period).Select(g => new PeriodActivity(g.Key, g.Max(s => s.ReceivedAt)))]);

    public Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken) =>
        Task.FromResult(SubmissionRules.InUploadOrder(_versions.GetValueOrDefault(key, [])));

    public Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(SubmissionRecord version, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredAnswer>>(Answers(version));

    private List<StoredAnswer> Answers(SubmissionRecord version) =>
        _answers.TryGetValue((version.Key, version.ContentHash, version.ExtractorVersion), out var report)
            ? [.. report.Answers.Select((a, i) => new StoredAnswer(version.Key.State, a.Question, i, a.Text, a.Confidence, a.Method, a.Provenance, a.Themes))]
            : [];
}

/// <summary>The reports container in memory: each blob's bytes and upload time.</summary>
internal sealed class InMemoryReportStore : IReportStore
{
    private readonly SortedDictionary<string, (byte[] Content, DateTimeOffset UploadedAt)> _blobs = new(StringComparer.Ordinal);

    public void Put(string blobName, byte[] content, DateTimeOffset uploadedAt) => _blobs[blobName] = (content, uploadedAt);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _blobs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))]);

    public Task<StoredReport?> OpenAsync(string blobName, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.TryGetValue(blobName, out var blob) ? new StoredReport(new MemoryStream(blob.Content), blob.UploadedAt) : null);
}

/// <summary>Keeps quarantined copies in memory.</summary>
internal sealed class InMemoryQuarantine : IReportQuarantine
{
    public List<(Ingestion.UploadKey Upload, int Bytes, string ReasonCode)> Copies { get; } = [];

    public Task QuarantineAsync(Ingestion.UploadKey upload, ReadOnlyMemory<byte> content, string reasonCode, string message, CancellationToken cancellationToken)
    {
        Copies.Add((upload, content.Length, reasonCode));
        return Task.CompletedTask;
    }
}

/// <summary>An analyzer that fails on every call: a service down after its retries, or a bug.</summary>
internal sealed class FailingAnalyzer(Exception failure) : IDocumentAnalyzer
{
    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken) => throw failure;
}

/// <summary>The plain-text analyzer, counting its calls.</summary>
internal sealed class CountingAnalyzer : IDocumentAnalyzer
{
    private readonly DocumentAnalyzer _inner = new([new PlainTextAnalyzer()]);

    public int Calls { get; private set; }

    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        Calls++;
        return _inner.AnalyzeAsync(content, fileName, cancellationToken);
    }
}

/// <summary>The rule-based extractor under another version name, as a deployment of changed rules would be.</summary>
internal sealed class RenamedExtractor(string version) : IAnswerExtractor
{
    private readonly AnswerExtractor _rules = new(ThemeCatalog.Default);

    public string ExtractorVersion => version;

    public Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken) =>
        Task.FromResult(_rules.Extract(document) with { ExtractorVersion = version });
}

/// <summary>
/// The ingestion services over in-memory fakes of the reports, the store and the quarantine, sharing one fake clock and
/// one meter factory: what a test reads back is what the services wrote.
/// </summary>
internal sealed class IngestionFakes : IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public InMemoryReportStore Reports { get; } = new();

    public InMemorySubmissionStore Store { get; } = new();

    public InMemoryQuarantine Quarantine { get; } = new();

    public InMemoryLayoutStore LayoutStore { get; } = new();

    /// <summary>What <see cref="ReportLayouts"/> logged.</summary>
    public FakeLogger<ReportLayouts> LayoutLog { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    public IMeterFactory Meters => _meters.GetRequiredService<IMeterFactory>();

    /// <summary>Stores a blob, uploaded now or at <paramref name="uploadedAt"/>.</summary>
    public void Put(string blobName, string text, DateTimeOffset? uploadedAt = null) =>
        Reports.Put(blobName, Encoding.UTF8.GetBytes(text), uploadedAt ?? Time.GetUtcNow());

    public ReportIngestor Ingestor(long maxReportBytes = 1024 * 1024, IDocumentAnalyzer? analyzer = null, IAnswerExtractor? extractor = null, string open = "2026-H1") =>
        new(Reports, Layouts(analyzer, maxReportBytes), extractor ?? new AnswerExtractor(ThemeCatalog.Default), Store, Quarantine,
            Options.Create(new IngestionOptions { MaxReportBytes = maxReportBytes }), Periods(open), Time, new PipelineMetrics(Meters), NullLogger<ReportIngestor>.Instance);

    /// <summary>The layouts of this test's reports, kept by <see cref="ReportLayouts"/> over <paramref name="analyzer"/> (the plain-text one by default).</summary>
    public ReportLayouts Layouts(IDocumentAnalyzer? analyzer = null, long maxReportBytes = 1024 * 1024) =>
        new(LayoutStore, Reports, analyzer ?? new DocumentAnalyzer([new PlainTextAnalyzer()]), Options.Create(new IngestionOptions { MaxReportBytes = maxReportBytes }),
            LayoutLog);

    public IngestionFailures Failures() => new(Store, Time, new PipelineMetrics(Meters), NullLogger<IngestionFailures>.Instance);

    public UploadReconciler Reconciler(IDocumentAnalyzer? analyzer = null)
    {
        var extractor = new AnswerExtractor(ThemeCatalog.Default);
        return new(Reports, Store, Ingestor(analyzer: analyzer, extractor: extractor), Failures(), extractor, Periods("2026-H1"), Keys.States, Time,
            NullLogger<UploadReconciler>.Instance);
    }

    public void Dispose() => _meters.Dispose();

    private static IOptions<PeriodOptions> Periods(string open) => Options.Create(new PeriodOptions { Open = open });
}
