namespace ReportPipeline.Core.Reports;

/// <summary>Turns a report's bytes into a <see cref="LayoutDocument"/>, or throws <see cref="ReportRejectedException"/>.</summary>
public interface IDocumentAnalyzer
{
    Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken);
}
