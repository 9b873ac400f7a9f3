using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Layout;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// Validates, analyses, extracts and stores one uploaded report. Permanent problems end in a
/// <see cref="IngestionStatus.Rejected"/> ledger row; transient ones propagate so the host retries.
/// </summary>
public sealed class ReportIngestor(
    IDocumentAnalyzer analyzer,
    IAnswerExtractor extractor,
    ISubmissionStore store,
    IReportQuarantine quarantine,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<ReportIngestor> logger)
{
    /// <summary>Ingests the blob whose name <see cref="ReportPath.Read"/> read as <paramref name="name"/>.</summary>
    public async Task<IngestionOutcome> IngestAsync(UploadName name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);

        var key = name.Key;
        var bytes = await ReadBoundedAsync(content, options.Value.MaxReportBytes, cancellationToken);
        var hash = bytes is null ? "" : Convert.ToHexStringLower(SHA256.HashData(bytes.Value.Span));
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["State"] = key.State,
            ["Period"] = key.PeriodName,
            ["BlobName"] = key.BlobName,
            ["Submission"] = hash.Length > 0 ? hash[..16] : "-",
        });

        var previous = await store.GetUploadAsync(key, cancellationToken);
        if (previous is not null && previous.ContentHash == hash && hash.Length > 0)
        {
            logger.UploadUnchanged(key.BlobName);
            return ToOutcome(previous, previous.Status == IngestionStatus.Rejected ? IngestionStatus.Rejected : IngestionStatus.Unchanged);
        }

        try
        {
            if (name.Path is not { } path)
            {
                throw name.Problem!;
            }

            if (bytes is null)
            {
                throw new ReportRejectedException(ReasonCodes.TooLarge, $"The file is larger than the {options.Value.MaxReportBytes / (1024 * 1024)} MiB limit.");
            }

            var layout = await analyzer.AnalyzeAsync(bytes.Value, path.FileName, cancellationToken);
            var report = await extractor.ExtractAsync(layout, cancellationToken);
            var submission = new SubmissionRecord(path.Submission, hash, key.BlobName, layout.Format.ToString().ToLowerInvariant(), report.Language,
                report.Pages, report.Coverage, [.. layout.Warnings, .. report.Warnings], time.GetUtcNow());
            var (stored, changed) = await store.SaveSubmissionAsync(submission, report, cancellationToken);
            var upload = new UploadRecord(key, IngestionStatus.Accepted, null, null, hash, bytes.Value.Length, stored.Version, time.GetUtcNow());
            await store.RecordUploadAsync(upload, cancellationToken);
            logger.ReportAccepted(key.State, path.Submission.Period.Value, stored.Version, stored.Coverage.ToString());
            metrics.ReportIngested(key.State, path.Submission.Period.Value);
            return ToOutcome(upload, changed ? IngestionStatus.Accepted : IngestionStatus.Unchanged) with { Coverage = stored.Coverage };
        }
        catch (ReportRejectedException rejection)
        {
            var upload = new UploadRecord(key, IngestionStatus.Rejected, rejection.ReasonCode, rejection.Message, hash, bytes?.Length ?? -1, 0, time.GetUtcNow());
            if (bytes is { Length: > 0 } kept)
            {
                await quarantine.QuarantineAsync(key, kept, rejection.ReasonCode, rejection.Message, cancellationToken);
            }

            await store.RecordUploadAsync(upload, cancellationToken);
            logger.ReportRejected(key.BlobName, rejection.ReasonCode, rejection.Message);
            metrics.ReportRejected(rejection.ReasonCode, key.PeriodName);
            return ToOutcome(upload, IngestionStatus.Rejected);
        }
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into the one buffer every later step shares; null when the stream
    /// holds more. A blob stream knows its length, so the buffer is allocated once at its exact size.
    /// </summary>
    internal static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            if (length > limit)
            {
                return null;
            }

            var bytes = new byte[length];
            await content.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static IngestionOutcome ToOutcome(UploadRecord upload, IngestionStatus status) =>
        new(upload.Key, status, upload.ReasonCode, upload.Message, upload.Version);
}
