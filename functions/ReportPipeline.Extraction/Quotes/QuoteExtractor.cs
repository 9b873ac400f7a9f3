using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>
/// A language model proposes, the document decides: the report goes to the model in chunks under its token budget, each
/// proposed quote is looked up in the chunk it came from, found quotes become answers with the page and paragraph where
/// they stand, and the rest are dropped and counted. Duplicates, and quotes inside a longer one of the same question, merge.
/// </summary>
public sealed class QuoteExtractor(IQuoteProposer proposer, ThemeCatalog themes)
{
    /// <summary>The model gives no score; a verified quote under a question it chose ranks below an explicit marker (<see cref="AnswerExtractor.MarkerConfidence"/>).</summary>
    public const double QuoteConfidence = 0.8;

    /// <summary>Share of the budget kept free: tokens of joined paragraphs can differ a little from the sum of their counts.</summary>
    private const double Margin = 0.01;

    public async Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var paragraphs = document.ContentParagraphs.Where(p => p.Role != ParagraphRole.Footnote && p.Text.Length > 0);
        var chunks = ReportChunker.Split(paragraphs, TextBudget(), proposer.CountTokens);
        var verified = new List<VerifiedQuote>();
        var rejected = 0;
        var usage = TokenUsage.None;
        foreach (var chunk in chunks)
        {
            var proposal = await proposer.ProposeAsync(QuotePrompts.For(chunk.Text, document.Language, chunk.Number, chunks.Count), cancellationToken);
            var verifier = new QuoteVerifier(chunk);
            foreach (var quote in proposal.Quotes)
            {
                if (quote.Question.Length == 1 && Question.TryParse(quote.Question[0], out var question) && verifier.Find(question, quote.Quote) is { } found)
                {
                    verified.Add(found);
                }
                else
                {
                    rejected++;
                }
            }

            usage += proposal.Usage;
        }

        var answers = Merge(verified);
        IReadOnlyList<string> warnings = answers.Count == 0 ? [ExtractionWarnings.NoAnswers] : [];
        return new ExtractedReport(document.Language, document.Pages, answers, ThemeCatalog.Summarise(answers), warnings)
        {
            ExtractorVersion = proposer.ExtractorVersion,
            QuotesRejected = rejected,
            Usage = usage,
        };
    }

    /// <summary>Tokens left for report text in one request.</summary>
    private int TextBudget()
    {
        var budget = (int)((proposer.MaxInputTokens - QuotePrompts.Overhead(proposer.CountTokens)) * (1 - Margin));
        return budget > 0 ? budget : throw new InvalidOperationException($"A budget of {proposer.MaxInputTokens} input tokens leaves no room for report text.");
    }

    private List<ExtractedAnswer> Merge(List<VerifiedQuote> verified)
    {
        var distinct = verified.DistinctBy(q => (q.Question, q.From, q.To)).ToList();
        return [.. distinct
            .Where(q => !distinct.Any(other => !ReferenceEquals(other, q) && other.Covers(q)))
            .OrderBy(q => q.From)
            .ThenBy(q => q.Question)
            .Select(q =>
            {
                var text = q.Text;
                var provenance = q.Parts.Select(p => new Provenance(p.Paragraph.Page, p.Paragraph.Index)).Distinct().ToList();
                return new ExtractedAnswer(q.Question, text, QuoteConfidence, ExtractionMethods.Quote, provenance, themes.Match(text));
            })];
    }
}
