namespace ReportPipeline.Core.Reports;

/// <summary>A remote analyzer that reads what the local ones cannot (scans, images): Document Intelligence.</summary>
public interface IOcrAnalyzer
{
    /// <summary>False when no endpoint is configured; the router then refuses scans as <see cref="ReasonCodes.NeedsOcr"/>.</summary>
    bool IsConfigured { get; }

    bool CanAnalyze(DocumentFormat format);

    Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken);
}
