using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Learned;

/// <summary>
/// The local extractor: the rules read the document (units, sentences, vocabulary evidence, markers and headings), the
/// learned model gives every sentence and question a probability, and the sentences at or above the model's threshold for
/// the question answer, as do those the statement's own markers or headings put under a question. A paragraph with an
/// answering sentence answers whole, as the rules' leading question took it: the sentence the model found is seldom all the
/// paragraph says to the question, and the paragraph is what an answer's provenance names. Consecutive paragraphs form one
/// answer. The three best passages per question travel with the report as candidates for review.
/// </summary>
public sealed class LearnedExtractor(ThemeCatalog themes, AnswerExtractor rules, ExtractionModel model) : IAnswerExtractor, IPassageRanker
{
    /// <summary>How many candidates per question a report carries.</summary>
    public const int Candidates = 3;

    public LearnedExtractor(ThemeCatalog themes)
        : this(themes, new AnswerExtractor(themes), ExtractionModel.Default)
    {
    }

    public string ExtractorVersion => model.Version;

    public Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken) => Task.FromResult(Extract(document));

    public ExtractedReport Extract(LayoutDocument document)
    {
        var (analysis, doc, p) = Score(document);
        var answers = Answers(doc, p);
        return new ExtractedReport(analysis.Language, analysis.Pages, answers, ThemeCatalog.Summarise(answers), answers.Count == 0 ? [ExtractionWarnings.NoAnswers] : [])
        {
            ExtractorVersion = model.Version,
            Candidates = Rank(doc, p, Candidates),
        };
    }

    public IReadOnlyList<RankedPassage> Rank(LayoutDocument document, int perQuestion)
    {
        var (_, doc, p) = Score(document);
        return Rank(doc, p, perQuestion);
    }

    /// <summary>
    /// The probability of every sentence answering every question: per unit, sentence by sentence, the four questions'
    /// side by side (<c>p[u][s * Question.Count + q]</c>), one array per unit rather than one per sentence.
    /// </summary>
    private (AnswerExtractor.Analysis Analysis, ReadDocument Doc, double[][] P) Score(LayoutDocument document)
    {
        var analysis = rules.Analyse(document);
        var doc = new ReadDocument(analysis);
        return (analysis, doc, Probabilities(doc, model));
    }

    internal static double[][] Probabilities(ReadDocument doc, ExtractionModel model)
    {
        var x = new double[PassageFeatures.Count];
        var p = new double[doc.Units.Count][];
        for (var u = 0; u < doc.Units.Count; u++)
        {
            p[u] = new double[doc.Units[u].Sentences.Count * Question.Count];
            for (var s = 0; s < doc.Units[u].Sentences.Count; s++)
            {
                PassageFeatures.ComputeSentence(doc, u, s, x);
                for (var q = 0; q < Question.Count; q++)
                {
                    PassageFeatures.ComputeQuestion(doc, u, s, Question.FromIndex(q), x);
                    p[u][(s * Question.Count) + q] = model.Probability(x, Question.FromIndex(q));
                }
            }
        }

        return p;
    }

    private List<ExtractedAnswer> Answers(ReadDocument doc, double[][] p)
    {
        var answers = new List<ExtractedAnswer>();
        foreach (var q in Question.All)
        {
            var run = new List<(int Unit, string Text, double Confidence)>();
            for (var u = 0; u < doc.Units.Count; u++)
            {
                var (answering, best) = (false, double.MinValue);
                for (var s = 0; s < doc.Units[u].Sentences.Count; s++)
                {
                    var ps = p[u][(s * Question.Count) + q.Index];
                    if (ps >= model.Threshold(q) || Placed(doc.Rules[u][s], q))
                    {
                        answering = true;
                        best = Math.Max(best, ps);
                    }
                }

                if (!answering || (run.Count > 0 && run[^1].Unit != u - 1))
                {
                    Flush(doc, q, run, answers);
                }

                if (answering)
                {
                    run.Add((u, doc.Units[u].Unit.Text.Trim(), best));
                }
            }

            Flush(doc, q, run, answers);
        }

        return [.. answers.OrderBy(a => a.Provenance[0].Page).ThenBy(a => a.Provenance[0].Paragraph).ThenBy(a => a.Question)];
    }

    /// <summary>The statement's own structure put the sentence under the question: a marker or a heading the rules followed.</summary>
    internal static bool Placed(RuleMarks marks, Question q) => marks.Marker(q.Index) || marks.Heading(q.Index);

    private void Flush(ReadDocument doc, Question q, List<(int Unit, string Text, double Confidence)> run, List<ExtractedAnswer> answers)
    {
        if (run.Count == 0)
        {
            return;
        }

        var text = string.Join("\n\n", run.Select(r => r.Text));
        var section = doc.Units[run[0].Unit].Section;
        var method = section.Question == q ? section.Method : ExtractionMethods.Classifier;
        answers.Add(new ExtractedAnswer(q, text, Math.Round(run.Max(r => r.Confidence), 2), method,
            [.. run.SelectMany(r => doc.Units[r.Unit].Unit.Paragraphs).Select(x => new Provenance(x.Page, x.Index)).Distinct()], themes.Match(text)));
        run.Clear();
    }

    /// <summary>
    /// The best passages per question: each the sentence the model ranks highest with its neighbours in the paragraph, so a
    /// quote that runs over a sentence boundary is whole; a passage overlapping one already taken is skipped.
    /// </summary>
    private static List<RankedPassage> Rank(ReadDocument doc, double[][] p, int perQuestion)
    {
        var ranked = new List<RankedPassage>();
        var order = new (double P, int Unit, int Sentence)[p.Sum(unit => unit.Length) / Question.Count];
        foreach (var q in Question.All)
        {
            var k = 0;
            for (var u = 0; u < p.Length; u++)
            {
                for (var s = 0; s < doc.Units[u].Sentences.Count; s++)
                {
                    order[k++] = (p[u][(s * Question.Count) + q.Index], u, s);
                }
            }

            // Best first, ties in document order; no two entries are equal, so the sort is the same as a stable one.
            Array.Sort(order, static (x, y) => y.P.CompareTo(x.P) is var c && c != 0 ? c : x.Unit != y.Unit ? x.Unit.CompareTo(y.Unit) : x.Sentence.CompareTo(y.Sentence));
            var taken = new List<(int Unit, int From, int To)>();
            foreach (var (probability, u, s) in order)
            {
                if (taken.Count == perQuestion)
                {
                    break;
                }

                var unit = doc.Units[u];
                var from = Math.Max(0, s - 1);
                var to = Math.Min(unit.Sentences.Count - 1, s + 1);
                if (Overlaps(taken, u, from, to))
                {
                    continue;
                }

                taken.Add((u, from, to));
                var start = unit.Sentences[from].Start;
                var end = unit.Sentences[to].Start + unit.Sentences[to].Length;
                var paragraph = Locate(unit, doc.SentenceText(u, s));
                ranked.Add(new RankedPassage(q, unit.Unit.Text[start..end].Trim(), paragraph.Page, paragraph.Index, Math.Round(probability, 3)));
            }
        }

        return ranked;
    }

    private static bool Overlaps(List<(int Unit, int From, int To)> taken, int unit, int from, int to)
    {
        foreach (var t in taken)
        {
            if (t.Unit == unit && t.From <= to && from <= t.To)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The paragraph of a unit that holds the sentence (a unit may join paragraphs that continue one sentence).</summary>
    private static LayoutParagraph Locate(AnswerExtractor.ReadUnit unit, string sentence)
    {
        var probe = sentence.Trim();
        probe = probe.Length > 30 ? probe[..30] : probe;
        return unit.Unit.Paragraphs.FirstOrDefault(x => x.Text.Contains(probe, StringComparison.Ordinal)) ?? unit.Unit.Paragraph;
    }
}
