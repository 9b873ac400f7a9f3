using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

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

/// <summary>The submission store in memory: what a test reads back is exactly what the code under test wrote.</summary>
internal sealed class InMemorySubmissionStore : ISubmissionStore
{
    private readonly Dictionary<Ingestion.UploadKey, UploadRecord> _uploads = [];
    private readonly Dictionary<SubmissionKey, List<(SubmissionRecord Record, Extraction.ExtractedReport Report)>> _versions = [];

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

    public Task<SubmissionRecord?> GetSubmissionAsync(SubmissionKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.TryGetValue(key, out var versions) ? versions[^1].Record : null);

    public Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, Extraction.ExtractedReport report, CancellationToken cancellationToken)
    {
        if (FailSaves is { } failure)
        {
            throw failure;
        }

        var versions = _versions.TryGetValue(submission.Key, out var list) ? list : _versions[submission.Key] = [];
        if (versions.Count > 0 && versions[^1].Record.ContentHash == submission.ContentHash)
        {
            return Task.FromResult(new SubmissionSaveResult(versions[^1].Record, Changed: false));
        }

        var stored = submission with { Version = versions.Count + 1 };
        versions.Add((stored, report));
        Writes.Add($"submission {stored.Version}");
        return Task.FromResult(new SubmissionSaveResult(stored, Changed: true));
    }

    public Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(Period period, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SubmissionRecord>>([.. _versions.Where(v => v.Key.Period == period).Select(v => v.Value[^1].Record)]);

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, CancellationToken cancellationToken) =>
        await ListCurrentAnswersAsync(period, await ListSubmissionsAsync(period, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredAnswer>>([.. current.SelectMany(s => Answers(s.Key, s.ContentHash))]);

    public Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PeriodActivity>>([.. _versions.GroupBy(v => v.Key.Period)
            .Select(g => new PeriodActivity(g.Key, g.Max(v => v.Value[^1].Record.ReceivedAt)))]);

    public Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SubmissionRecord>>(_versions.TryGetValue(key, out var versions) ? [.. versions.Select(v => v.Record)] : []);

    public Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(SubmissionKey key, string contentHash, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredAnswer>>(Answers(key, contentHash));

    private List<StoredAnswer> Answers(SubmissionKey key, string contentHash) =>
        [.. _versions.GetValueOrDefault(key, []).Where(v => v.Record.ContentHash == contentHash)
            .SelectMany(v => v.Report.Answers.Select((a, i) => new StoredAnswer(key.State, a.Question, i, a.Text, a.Confidence, a.Method, a.Provenance, a.Themes)))];
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
