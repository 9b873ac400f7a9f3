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
        Rules = new RuleMarks[Units.Count][];
        Max = new double[Question.Count];
        LogOwn = new double[Units.Count][];
        LogUnitOwn = new double[Units.Count][];
        for (var u = 0; u < Units.Count; u++)
        {
            var sentences = Units[u].Sentences;
            Rules[u] = new RuleMarks[sentences.Count];
            LogOwn[u] = new double[sentences.Count * Question.Count];
            LogUnitOwn[u] = new double[Question.Count];
            for (var q = 0; q < Question.Count; q++)
            {
                LogUnitOwn[u][q] = PassageFeatures.Log(Units[u].Total.Question(Question.FromIndex(q)));
            }

            for (var s = 0; s < sentences.Count; s++)
            {
                for (var q = 0; q < Question.Count; q++)
                {
                    var own = sentences[s].Scores.Question(Question.FromIndex(q));
                    Max[q] = Math.Max(Max[q], own);
                    LogOwn[u][(s * Question.Count) + q] = PassageFeatures.Log(own);
                }
            }
        }

        LogMax = [.. Max.Select(PassageFeatures.Log)];

        Signals = new byte[Units.Count][];
        for (var u = 0; u < Units.Count; u++)
        {
            Signals[u] = new byte[Units[u].Sentences.Count];
            for (var s = 0; s < Signals[u].Length; s++)
            {
                Signals[u][s] = PassageFeatures.Signals(SentenceSpan(u, s));
            }
        }

        foreach (var a in analysis.Assignments)
        {
            if (!RuleMarks.Marks(a.Method))
            {
                continue;
            }

            var u = Units.FindIndex(r => ReferenceEquals(r.Unit, a.Unit));
            if (u < 0)
            {
                continue;
            }

            for (var s = 0; s < Units[u].Sentences.Count; s++)
            {
                if (a.Text.AsSpan().Contains(SentenceSpan(u, s).Trim(), StringComparison.Ordinal))
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
    public byte[][] Signals { get; }

    /// <summary>Per question: the most evidence one sentence of the document gives it.</summary>
    public double[] Max { get; }

    // The logarithms the features take of evidence, each taken once: a sentence's evidence is read by its own features and
    // its neighbours', for every question, and a unit's and the document's by every sentence.

    /// <summary>Per unit, sentence by sentence, the questions side by side: <see cref="PassageFeatures.Log"/> of the sentence's evidence.</summary>
    public double[][] LogOwn { get; }

    /// <summary>Per unit and question: <see cref="PassageFeatures.Log"/> of the unit's evidence.</summary>
    public double[][] LogUnitOwn { get; }

    /// <summary>Per question: <see cref="PassageFeatures.Log"/> of <see cref="Max"/>.</summary>
    public double[] LogMax { get; }

    public string SentenceText(int unit, int sentence) => SentenceSpan(unit, sentence).ToString();

    /// <summary>The sentence's text without copying it.</summary>
    public ReadOnlySpan<char> SentenceSpan(int unit, int sentence)
    {
        var s = Units[unit].Sentences[sentence];
        return Units[unit].Unit.Text.AsSpan(s.Start, s.Length);
    }
}
