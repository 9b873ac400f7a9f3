using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Review;

/// <summary>Ranks a report's paragraphs for a question, best first: what the review offers where no passage is accepted.</summary>
public interface IPassageCandidates
{
    IReadOnlyList<ReviewCandidate> Rank(LayoutDocument document, Question question, int count);
}
