using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;

namespace ReportPipeline.Extraction;

/// <summary>
/// The paragraphs whose words score highest for the question in the report language's cue vocabulary (the score the rules
/// extractor reads a paragraph by). A ranked extractor's own candidates replace this behind <see cref="IPassageCandidates"/>.
/// </summary>
public sealed class LexiconCandidates : IPassageCandidates
{
    public IReadOnlyList<ReviewCandidate> Rank(LayoutDocument document, Question question, int count)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lexicon = Lexicon.For(document.Language);
        return [.. document.ContentParagraphs
            .Where(p => !p.IsHeading)
            .Select(p => (Paragraph: p, Score: lexicon.Score(p.Text).Question(question)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Paragraph.Page).ThenBy(x => x.Paragraph.Index)
            .Take(count)
            .Select(x => new ReviewCandidate(PassageIds.Paragraph(x.Paragraph.Page, x.Paragraph.Index), x.Paragraph.Page, x.Paragraph.Index, x.Paragraph.Text,
                Math.Round(x.Score, 2)))];
    }
}
