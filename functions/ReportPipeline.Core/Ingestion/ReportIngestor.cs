using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Layout;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// Validates, analyses, extracts and stores one uploaded report. Permanent problems end in a
/// <see cref="IngestionStatus.Rejected"/> ledger row; transient ones propagate so the host retries.
/// </summary>
public sealed class ReportIngestor(
    MemberStateRegistry states,
    IDocumentAnalyzer analyzer,
    IAnswerExtractor extractor,
    ISubmissionStore store,
    IReportQuarantine quarantine,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<ReportIngestor> logger)
{
    public const string UnfiledPeriod = "unfiled";

    public async Task<IngestionOutcome> IngestAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        ArgumentNullException.ThrowIfNull(content);

        var parsed = ReportPath.TryParse(blobName, states, out var path, out var pathProblem);
        var bytes = await ReadBoundedAsync(content, options.Value.MaxReportBytes, cancellationToken);
        var hash = bytes is null ? "" : Convert.ToHexStringLower(SHA256.HashData(bytes.Value.Span));
        var (period, state) = LedgerKey(blobName);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["State"] = state,
            ["Period"] = period,
            ["BlobName"] = blobName,
            ["Submission"] = hash.Length > 0 ? hash[..16] : "-",
        });

        var previous = await store.GetUploadAsync(period, state, blobName, cancellationToken);
        if (previous is not null && previous.ContentHash == hash && hash.Length > 0)
        {
            logger.UploadUnchanged(blobName);
            return ToOutcome(previous, previous.Status == IngestionStatus.Rejected ? IngestionStatus.Rejected : IngestionStatus.Unchanged);
        }

        try
        {
            if (!parsed)
            {
                throw pathProblem!;
            }

            if (bytes is null)
            {
                throw new ReportRejectedException(ReasonCodes.TooLarge, $"The file is larger than the {options.Value.MaxReportBytes / (1024 * 1024)} MiB limit.");
            }

            var layout = await analyzer.AnalyzeAsync(bytes.Value, path!.FileName, cancellationToken);
            var report = extractor.Extract(layout);
            var submission = new SubmissionRecord(period, state, hash, blobName, layout.Format.ToString().ToLowerInvariant(), report.Language,
                report.Pages, report.Coverage, [.. layout.Warnings, .. report.Warnings], time.GetUtcNow());
            var (stored, changed) = await store.SaveSubmissionAsync(submission, report, cancellationToken);
            var upload = new UploadRecord(blobName, period, state, IngestionStatus.Accepted, null, null, hash, bytes.Value.Length, stored.Version, time.GetUtcNow());
            await store.RecordUploadAsync(upload, cancellationToken);
            logger.ReportAccepted(state, period, stored.Version, stored.Coverage);
            metrics.ReportIngested(state, period);
            return ToOutcome(upload, changed ? IngestionStatus.Accepted : IngestionStatus.Unchanged) with { Coverage = stored.Coverage };
        }
        catch (ReportRejectedException rejection)
        {
            var upload = new UploadRecord(blobName, period, state, IngestionStatus.Rejected, rejection.ReasonCode, rejection.Message,
                hash, bytes?.Length ?? -1, 0, time.GetUtcNow());
            if (bytes is { Length: > 0 } kept)
            {
                await quarantine.QuarantineAsync(blobName, kept, rejection.ReasonCode, rejection.Message, cancellationToken);
            }

            await store.RecordUploadAsync(upload, cancellationToken);
            logger.ReportRejected(blobName, rejection.ReasonCode, rejection.Message);
            metrics.ReportRejected(rejection.ReasonCode, period);
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

    /// <summary>Where the ledger files an upload: its period and state as named, or placeholders where the name has none.</summary>
    private static (string Period, string State) LedgerKey(string blobName)
    {
        var parts = blobName.Split('/');
        var period = parts.Length > 1 && ReportPath.IsPeriod(parts[0]) ? parts[0] : UnfiledPeriod;
        var state = parts.Length > 1 ? new string([.. parts[1].Where(char.IsAsciiLetterOrDigit).Take(8)]).ToUpperInvariant() : "";
        return (period, state.Length > 0 ? state : "UNKNOWN");
    }

    private static IngestionOutcome ToOutcome(UploadRecord upload, IngestionStatus status) =>
        new(upload.BlobName, status, upload.ReasonCode, upload.Message, upload.State, upload.Period, upload.Version);
}
