using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Reports;

/// <summary>
/// The one owner of a report's layout and of the choice between the kept layout and the analyzer: a report's bytes are
/// analysed once, when first ingested, and the layout kept by content hash; every later ingest of the same bytes,
/// re-extraction (<c>reprocess --stale</c>), review and indication reads it instead, so they name exactly the paragraphs
/// the first extraction used and cost no analysis (no Document Intelligence call).
/// </summary>
public sealed class ReportLayouts(
    ILayoutStore layouts,
    IReportStore reports,
    IDocumentAnalyzer analyzer,
    IOptions<IngestionOptions> options,
    ILogger<ReportLayouts> logger)
{
    /// <summary>
    /// The layout of an upload being ingested: the one kept for its bytes, with the warnings of the analysis that kept it,
    /// or, for bytes never analysed (or whose kept layout cannot be read), this analysis of <paramref name="content"/>.
    /// </summary>
    public async Task<LayoutDocument> GetOrAnalyzeAsync(string contentHash, ReadOnlyMemory<byte> content, ReportPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        return (await LayoutAsync(contentHash, path.BlobName, content, cancellationToken))!;
    }

    /// <summary>
    /// The kept layout of a stored report. A report ingested before layouts were kept is read (within the upload bound),
    /// analysed once here and kept. Null when there is no layout and the report's blob is gone.
    /// </summary>
    public Task<LayoutDocument?> ReadAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return LayoutAsync(submission.ContentHash, submission.BlobName, null, cancellationToken);
    }

    /// <summary>
    /// The kept layout when it reads; otherwise an analysis of <paramref name="upload"/>, or of the stored report when there
    /// is no upload at hand (a reader), kept unless a blob is there already. Kept layouts are never replaced (create-only):
    /// one that cannot be read is left for an operator to look at and remove, and the report is analysed meanwhile.
    /// </summary>
    private async Task<LayoutDocument?> LayoutAsync(string contentHash, string blobName, ReadOnlyMemory<byte>? upload, CancellationToken cancellationToken)
    {
        var kept = await layouts.GetAsync(contentHash, cancellationToken);
        if (kept.Layout is { } layout)
        {
            return layout;
        }

        var content = upload ?? await ReadStoredAsync(blobName, cancellationToken);
        if (content is null)
        {
            return null;
        }

        if (kept.Problem is { } problem)
        {
            logger.KeptLayoutUnreadable(blobName, Short(contentHash), problem);
        }
        else if (upload is null)
        {
            logger.LayoutAnalysedAgain(blobName);
        }

        var analysed = await analyzer.AnalyzeAsync(content.Value, Path.GetFileName(blobName), cancellationToken);
        if (kept.Problem is not null)
        {
            return analysed;
        }

        if (await layouts.KeepAsync(contentHash, analysed, cancellationToken) is { } first)
        {
            return first;
        }

        logger.LayoutNotKept(Path.GetFileName(blobName), Short(contentHash));
        return analysed;
    }

    private async Task<ReadOnlyMemory<byte>?> ReadStoredAsync(string blobName, CancellationToken cancellationToken)
    {
        await using var stored = await reports.OpenAsync(blobName, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        return await ReportIngestor.ReadBoundedAsync(stored.Content, options.Value.MaxReportBytes, cancellationToken)
            ?? throw new ReportRejectedException(ReasonCodes.TooLarge, $"The stored report {blobName} is larger than the {options.Value.MaxReportBytes / (1024 * 1024)} MiB limit.");
    }

    private static string Short(string contentHash) => contentHash[..Math.Min(16, contentHash.Length)];
}
