using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>
/// One state's current report as its review reads it, for an analyst's decision and a state's indication alike: the submission,
/// the machine's answers, the review log folded over them, and the report's layout as kept at ingest, for its paragraphs.
/// </summary>
internal sealed record LoadedReport(SubmissionRecord Submission, IReadOnlyList<StoredAnswer> Answers, ReviewedReport Report, LayoutDocument Document)
{
    /// <summary>The content paragraph <paramref name="page"/>.<paramref name="number"/>; null when the report has none there.</summary>
    public LayoutParagraph? Paragraph(int page, int number) => Document.ContentParagraphs.FirstOrDefault(p => p.Page == page && p.Index == number);
}
