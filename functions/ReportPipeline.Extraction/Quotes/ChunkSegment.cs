using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>A paragraph, or a piece of one too long for a request, as the model is shown it; <see cref="Offset"/> is where it starts in the paragraph.</summary>
public sealed record ChunkSegment(LayoutParagraph Paragraph, int Offset, string Text);
