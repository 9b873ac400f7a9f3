using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Review;

/// <summary>
/// The review's candidates for a question: the extractor's own ranking (<see cref="IPassageRanker"/>), each ranked passage
/// offered as the paragraph it sits in, since a paragraph is what an analyst adds; headings are left out.
/// </summary>
public sealed class RankedCandidates(IPassageRanker ranker) : IPassageCandidates
{
    public IReadOnlyList<ReviewCandidate> Rank(LayoutDocument document, Question question, int count)
    {
        ArgumentNullException.ThrowIfNull(document);
        var paragraphs = document.ContentParagraphs.Where(p => !p.IsHeading).ToDictionary(p => (p.Page, p.Index));
        return [.. ranker.Rank(document, count)
            .Where(r => r.Question == question && paragraphs.ContainsKey((r.Page, r.Paragraph)))
            .DistinctBy(r => (r.Page, r.Paragraph))
            .Select(r => new ReviewCandidate(PassageIds.Paragraph(r.Page, r.Paragraph), r.Page, r.Paragraph, paragraphs[(r.Page, r.Paragraph)].Text,
                Math.Round(r.Score, 2)))];
    }
}
