using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents;

/// <summary>Analyses one family of formats; <see cref="DocumentAnalyzer"/> routes to it.</summary>
public interface IFormatAnalyzer
{
    bool CanAnalyze(DocumentFormat format);

    Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken);
}
