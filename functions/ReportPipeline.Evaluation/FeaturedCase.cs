using ReportPipeline.Core;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Evaluation;

/// <summary>
/// A labelled case as training rows: each sentence's features per question, and whether the sentence carries (overlaps)
/// one of the question's quotes. Y and P quotes both mark answering sentences; N questions have none.
/// </summary>
public sealed class FeaturedCase
{
    /// <summary>How much of a quote's start or end a sentence must hold to carry it, when the quote runs over several sentences.</summary>
    private const int QuoteEdge = 30;

    public FeaturedCase(LabelledCase labelled, AnswerExtractor rules)
    {
        Case = labelled;
        Doc = new ReadDocument(rules.Analyse(labelled.Document));
        var quotes = labelled.Labels.Select(l => l.Quotes.Select(StatementSetEvaluator.Fold).Where(q => q.Length > 0).ToList()).ToList();
        var rows = new List<(double[] X, bool Y, int Question, bool Placed)>();
        for (var u = 0; u < Doc.Units.Count; u++)
        {
            for (var s = 0; s < Doc.Units[u].Sentences.Count; s++)
            {
                var sentence = StatementSetEvaluator.Fold(Doc.SentenceText(u, s));
                foreach (var q in Question.All)
                {
                    var x = new double[PassageFeatures.Count];
                    PassageFeatures.Compute(Doc, u, s, q, x);
                    rows.Add((x, quotes[q.Index].Any(quote => Carries(sentence, quote)), q.Index, LearnedExtractor.Placed(Doc.Rules[u][s], q)));
                }
            }
        }

        Rows = rows;
    }

    public LabelledCase Case { get; }

    /// <summary>How many sentences the case has.</summary>
    public int Sentences => Rows.Count / Question.Count;

    internal ReadDocument Doc { get; }

    /// <summary>Per sentence (in order) and question: the features, whether the sentence carries a quote, the question's index, whether a marker or heading placed it there.</summary>
    internal IReadOnlyList<(double[] X, bool Y, int Question, bool Placed)> Rows { get; }

    private static bool Carries(string sentence, string quote)
    {
        if (sentence.Length < 8)
        {
            return false;
        }

        if (sentence.Contains(quote, StringComparison.Ordinal) || quote.Contains(sentence, StringComparison.Ordinal))
        {
            return true;
        }

        var edge = Math.Min(QuoteEdge, quote.Length);
        return sentence.Contains(quote[..edge], StringComparison.Ordinal) || sentence.Contains(quote[^edge..], StringComparison.Ordinal);
    }
}
