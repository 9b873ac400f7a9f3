using ReportPipeline.Core;
namespace ReportPipeline.Extraction.Learned;

/// <summary>
/// A document as the model reads it: the rules' units and sentences with their evidence, which passages the statement's markers
/// and headings put under which question, and the strongest evidence for each question anywhere in the document.
/// </summary>
internal sealed class ReadDocument
{
    public ReadDocument(AnswerExtractor.Analysis analysis)
    {
        Language = analysis.Language;
        Units = analysis.Units;
        Rules = [.. Units.Select(u => u.Sentences.Select(_ => new RuleMarks()).ToArray())];
        Max = new double[Question.Count];
        foreach (var unit in Units)
        {
            foreach (var sentence in unit.Sentences)
            {
                foreach (var q in Question.All)
                {
                    Max[q.Index] = Math.Max(Max[q.Index], sentence.Scores.Question(q));
                }
            }
        }

        Signals = [.. Units.Select((unit, u) => unit.Sentences.Select((_, s) => PassageFeatures.Signals(SentenceText(u, s))).ToArray())];
        foreach (var a in analysis.Assignments)
        {
            var u = Units.FindIndex(r => ReferenceEquals(r.Unit, a.Unit));
            if (u < 0)
            {
                continue;
            }

            for (var s = 0; s < Units[u].Sentences.Count; s++)
            {
                if (a.Text.Contains(SentenceText(u, s).Trim(), StringComparison.Ordinal))
                {
                    Rules[u][s].Mark(a.Question.Index, a.Method);
                }
            }
        }
    }

    public string Language { get; }

    public List<AnswerExtractor.ReadUnit> Units { get; }

    /// <summary>Per unit and sentence: the questions a marker or heading put it under.</summary>
    public RuleMarks[][] Rules { get; }

    /// <summary>Per unit and sentence: <see cref="PassageFeatures.Signals"/> of its text, read once for all four questions.</summary>
    public bool[][][] Signals { get; }

    /// <summary>Per question: the most evidence one sentence of the document gives it.</summary>
    public double[] Max { get; }

    public string SentenceText(int unit, int sentence)
    {
        var s = Units[unit].Sentences[sentence];
        return Units[unit].Unit.Text.Substring(s.Start, s.Length);
    }
}
