using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// Validates, analyses (or takes the layout kept for the same bytes, <see cref="ReportLayouts"/>), extracts and stores one uploaded report. Permanent problems end in a
/// <see cref="IngestionStatus.Rejected"/> ledger row; transient ones are recorded on the row as the attempt's reason code
/// (<see cref="IngestionFailures.Classify"/>) and propagate, so the host retries and its poison path records the failure.
/// </summary>
public sealed class ReportIngestor(
    IReportStore reports,
    ReportLayouts layouts,
    IAnswerExtractor extractor,
    ISubmissionStore store,
    IReportQuarantine quarantine,
    IOptions<IngestionOptions> options,
    IOptions<PeriodOptions> periods,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<ReportIngestor> logger)
{
    /// <summary>How long recording a failed attempt may take, even when the attempt was cancelled.</summary>
    private static readonly TimeSpan s_recordTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Ingests the stored blob whose name <see cref="ReportPath.Read"/> read as <paramref name="name"/>.</summary>
    public async Task<IngestionOutcome> IngestAsync(UploadName name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return await IngestOnceAsync(name, cancellationToken);
        }
        catch (Exception e) when (e is not ReportRejectedException)
        {
            logger.IngestAttemptFailed(e, name.Key.BlobName, IngestionFailures.Classify(e));
            throw;
        }
    }

    private async Task<IngestionOutcome> IngestOnceAsync(UploadName name, CancellationToken cancellationToken)
    {
        var key = name.Key;
        await using var report = await reports.OpenAsync(key.BlobName, cancellationToken);
        if (report is null)
        {
            logger.ReportNotFound(key.BlobName);
            return new IngestionOutcome(key, IngestionStatus.NotFound);
        }

        var bytes = await ReadBoundedAsync(report.Content, options.Value.MaxReportBytes, cancellationToken);
        var hash = bytes is null ? "" : Convert.ToHexStringLower(SHA256.HashData(bytes.Value.Span));
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["State"] = key.State,
            ["Period"] = key.PeriodName,
            ["BlobName"] = key.BlobName,
            ["Submission"] = hash.Length > 0 ? hash[..16] : "-",
        });

        var previous = await store.GetUploadAsync(key, cancellationToken);
        if (previous is not null && IsSettled(previous, hash, key))
        {
            logger.UploadUnchanged(key.BlobName);
            return ToOutcome(previous, previous.Status == IngestionStatus.Rejected ? IngestionStatus.Rejected : IngestionStatus.Unchanged);
        }

        // An accepted report extracted again stays accepted, whatever this attempt meets: its stored version is intact.
        var keepsRow = previous is { Status: IngestionStatus.Accepted };
        // A retry keeps the reason the last attempt met until it meets its own, in case it dies without recording one.
        var attempt = previous is { Status: IngestionStatus.Processing }
            ? previous with { ContentHash = hash, Bytes = bytes?.Length ?? -1, UploadedAt = report.UploadedAt, ReceivedAt = time.GetUtcNow() }
            : new UploadRecord(key, IngestionStatus.Processing, null, null, hash, bytes?.Length ?? -1, 0, report.UploadedAt, time.GetUtcNow());
        try
        {
            if (!keepsRow)
            {
                await store.RecordUploadAsync(attempt, cancellationToken);
            }

            return await ProcessAsync(name, attempt, bytes, cancellationToken);
        }
        catch (ReportRejectedException rejection) when (keepsRow)
        {
            logger.ReextractionRefused(key.BlobName, rejection.ReasonCode);
            return ToOutcome(previous!, IngestionStatus.Unchanged);
        }
        catch (ReportRejectedException rejection)
        {
            var upload = attempt with { Status = IngestionStatus.Rejected, ReasonCode = rejection.ReasonCode, Message = rejection.Message, ReceivedAt = time.GetUtcNow() };
            if (bytes is { Length: > 0 } kept)
            {
                await quarantine.QuarantineAsync(key, kept, rejection.ReasonCode, rejection.Message, cancellationToken);
            }

            await store.RecordUploadAsync(upload, cancellationToken);
            logger.ReportRejected(key.BlobName, rejection.ReasonCode, rejection.Message);
            metrics.ReportRejected(rejection.ReasonCode, key.PeriodName);
            return ToOutcome(upload, IngestionStatus.Rejected);
        }
        catch (Exception e) when (!keepsRow)
        {
            var code = IngestionFailures.Classify(e);
            await RecordAttemptAsync(attempt with { ReasonCode = code, Message = IngestionFailures.Message(code), ReceivedAt = time.GetUtcNow() });
            throw;
        }
    }

    private async Task<IngestionOutcome> ProcessAsync(UploadName name, UploadRecord attempt, ReadOnlyMemory<byte>? bytes, CancellationToken cancellationToken)
    {
        if (name.Path is not { } path)
        {
            throw name.Problem!;
        }

        if (!periods.Value.IsOpen(path.Submission.Period))
        {
            throw new ReportRejectedException(ReasonCodes.PeriodClosed, periods.Value.ClosedMessage(path.Submission.Period));
        }

        if (bytes is null)
        {
            throw new ReportRejectedException(ReasonCodes.TooLarge, $"The file is larger than the {options.Value.MaxReportBytes / (1024 * 1024)} MiB limit.");
        }

        var layout = await layouts.GetOrAnalyzeAsync(attempt.ContentHash, bytes.Value, path, cancellationToken);
        var report = await extractor.ExtractAsync(layout, cancellationToken);
        var submission = new SubmissionRecord(path.Submission, attempt.ContentHash, attempt.Key.BlobName, layout.Format.ToString().ToLowerInvariant(),
            report.Language, report.Pages, report.Coverage, [.. layout.Warnings, .. report.Warnings], attempt.UploadedAt, time.GetUtcNow(), report.ExtractorVersion);
        var (stored, changed) = await store.SaveSubmissionAsync(submission, report, cancellationToken);
        var upload = attempt with
        {
            Status = IngestionStatus.Accepted, ReasonCode = null, Message = null, Version = stored.Version, ReceivedAt = time.GetUtcNow(),
            ExtractorVersion = stored.ExtractorVersion,
        };
        await store.RecordUploadAsync(upload, cancellationToken);
        logger.ReportAccepted(attempt.Key.State, path.Submission.Period.Value, stored.Version, stored.Coverage.ToString());
        metrics.ReportIngested(attempt.Key.State, path.Submission.Period.Value);
        return ToOutcome(upload, changed ? IngestionStatus.Accepted : IngestionStatus.Unchanged) with { Coverage = stored.Coverage };
    }

    /// <summary>
    /// Whether the ledger already holds the final word on these bytes: accepted by the running extractor, or refused for
    /// good. A closed period is frozen, so nothing in it is extracted again, and a refusal for a closed period is
    /// reconsidered once the period is open.
    /// </summary>
    private bool IsSettled(UploadRecord previous, string hash, UploadKey key)
    {
        var open = key.Period is { } period && periods.Value.IsOpen(period);
        return hash.Length > 0 && previous.ContentHash == hash && previous.Status switch
        {
            IngestionStatus.Accepted => previous.ExtractorVersion == extractor.ExtractorVersion || !open,
            IngestionStatus.Rejected => previous.ReasonCode != ReasonCodes.PeriodClosed || !open,
            _ => false,
        };
    }

    /// <summary>Best effort, with a token of its own: the host must see the attempt's failure, not a failure to record it.</summary>
    private async Task RecordAttemptAsync(UploadRecord failed)
    {
        using var timeout = new CancellationTokenSource(s_recordTimeout, time);
        try
        {
            await store.RecordUploadAsync(failed, timeout.Token);
        }
        catch (Exception e)
        {
            logger.AttemptNotRecorded(e, failed.Key.BlobName);
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
