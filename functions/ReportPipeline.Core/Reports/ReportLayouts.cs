using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Reports;

/// <summary>
/// The one owner of a report's layout: analysed once, when its bytes are first ingested, and kept by content hash, so its
/// review and the state's indications show exactly the paragraphs the extraction used, whatever the analyzer does later.
/// </summary>
public sealed class ReportLayouts(
    ILayoutStore layouts,
    IReportStore reports,
    IDocumentAnalyzer analyzer,
    IOptions<IngestionOptions> options,
    ILogger<ReportLayouts> logger)
{
    /// <summary>
    /// Analyses the bytes of an upload and keeps the layout. When one is already kept for these bytes (the same report uploaded
    /// again, or extracted again by a newer extractor), the kept paragraphs are the ones returned, so every extraction of the
    /// same bytes, and their review, name the same paragraphs; the warnings stay this analysis's, as they speak of this upload.
    /// </summary>
    public async Task<LayoutDocument> AnalyzeAsync(string contentHash, ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        var analysed = await analyzer.AnalyzeAsync(content, fileName, cancellationToken);
        var kept = await layouts.KeepAsync(contentHash, analysed, cancellationToken);
        if (kept is null)
        {
            logger.LayoutNotKept(fileName, contentHash[..Math.Min(16, contentHash.Length)]);
            return analysed;
        }

        return ReferenceEquals(kept, analysed) ? analysed : kept with { Warnings = analysed.Warnings };
    }

    /// <summary>
    /// The kept layout of a stored report. A report ingested before layouts were kept is read (within the upload bound),
    /// analysed once here and kept. Null when there is no layout and the report's blob is gone.
    /// </summary>
    public async Task<LayoutDocument?> ReadAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (await layouts.GetAsync(submission.ContentHash, cancellationToken) is { } kept)
        {
            return kept;
        }

        await using var stored = await reports.OpenAsync(submission.BlobName, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var bytes = await ReportIngestor.ReadBoundedAsync(stored.Content, options.Value.MaxReportBytes, cancellationToken)
            ?? throw new ReportRejectedException(ReasonCodes.TooLarge, $"The stored report {submission.BlobName} is larger than the {options.Value.MaxReportBytes / (1024 * 1024)} MiB limit.");
        logger.LayoutAnalysedAgain(submission.BlobName);
        return await AnalyzeAsync(submission.ContentHash, bytes, Path.GetFileName(submission.BlobName), cancellationToken);
    }
}
