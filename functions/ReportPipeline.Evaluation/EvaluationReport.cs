using ReportPipeline.Core;

namespace ReportPipeline.Evaluation;

/// <summary>The scores of a whole corpus, with the thresholds it is judged against.</summary>
public sealed record EvaluationReport(IReadOnlyList<CellScore> Cells, IReadOnlyList<string> Errors)
{
    /// <summary>The floor for F1 of both measures, per language (all questions) and per question (all languages).</summary>
    public const double Threshold = 0.9;

    public IEnumerable<string> Languages => Cells.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal);

    public Score Sum(Func<CellScore, bool> filter, Func<CellScore, Score> measure) =>
        Cells.Where(filter).Select(measure).Aggregate(Score.Zero, (x, y) => x + y);

    /// <summary>The groups (a language, a question, or all) whose detection or passage F1 is under the threshold.</summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        if (Cells.Count == 0)
        {
            failures.Add("no labelled report was read");
        }

        void Check(string name, Func<CellScore, bool> filter)
        {
            foreach (var (measure, f) in new (string, Func<CellScore, Score>)[] { ("detection", c => c.Detection), ("passage", c => c.Passage) })
            {
                var score = Sum(filter, f);
                if (score.F1 < Threshold)
                {
                    failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} {measure} F1 {score.F1:0.000} < {Threshold:0.00}"));
                }
            }
        }

        foreach (var language in Languages)
        {
            Check($"language {language}", c => c.Language == language);
        }

        foreach (var q in Question.All)
        {
            Check($"question ({q})", c => c.Question == q);
        }

        if (Errors.Count > 0)
        {
            failures.Add($"{Errors.Count} report(s) could not be read");
        }

        return failures;
    }
}
