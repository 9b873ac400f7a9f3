namespace ReportPipeline.Core.Reports;

/// <summary>Finds the answers to the guiding questions in a layout document; asynchronous, since one extractor asks a remote model.</summary>
public interface IAnswerExtractor
{
    /// <summary>
    /// Names what this extractor produces, and changes whenever that may change. Its reports carry it as
    /// <see cref="ExtractedReport.ExtractorVersion"/> (another extractor's when one answered in its place), which is stored with every
    /// submission: answers are keyed by content and extractor, and <c>reprocess --stale</c> finds reports extracted by another.
    /// </summary>
    string ExtractorVersion { get; }

    Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken);
}
