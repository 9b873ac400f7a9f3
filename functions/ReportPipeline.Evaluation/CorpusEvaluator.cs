using System.Text.Json;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;

namespace ReportPipeline.Evaluation;

/// <summary>Precision, recall and F1 from counts; an empty denominator scores 1 (nothing to find, nothing wrongly found).</summary>
public sealed record Score(int Correct, int Predicted, int Found, int Expected)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score x, Score y) =>
        new(x.Correct + y.Correct, x.Predicted + y.Predicted, x.Found + y.Found, x.Expected + y.Expected);

    public static Score Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>The scores of one report and question: does it answer (detection), and are the right passages found (passage).</summary>
public sealed record CellScore(string File, string Language, Question Question, Score Detection, Score Passage, IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious);

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

/// <summary>
/// Scores extraction against a labelled corpus (<c>{name}.txt</c> + <c>{name}.expected.json</c>, see seeds/corpus/README.md).
/// Detection: a (report, question) pair is a true positive when the report has an expected snippet and an answer for the
/// question. Passage recall: expected snippets found inside an answer text of the same question. Passage precision: answer
/// paragraphs (each provenance entry's text) that contain an expected snippet of their question, over all answer paragraphs.
/// </summary>
public sealed class CorpusEvaluator(IDocumentAnalyzer analyzer, IAnswerExtractor extractor)
{
    public async Task<EvaluationReport> EvaluateAsync(string directory, CancellationToken cancellationToken)
    {
        var cells = new List<CellScore>();
        var errors = new List<string>();
        foreach (var expectedPath in Directory.EnumerateFiles(directory, "*.expected.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(expectedPath)[..^".expected.json".Length];
            var textPath = Directory.EnumerateFiles(directory, name + ".*").FirstOrDefault(p => !p.EndsWith(".expected.json", StringComparison.Ordinal));
            if (textPath is null)
            {
                errors.Add($"{name}: no report file next to the labels");
                continue;
            }

            var (language, expected) = ReadLabels(await File.ReadAllTextAsync(expectedPath, cancellationToken));
            ExtractedReport report;
            try
            {
                var layout = await analyzer.AnalyzeAsync(await File.ReadAllBytesAsync(textPath, cancellationToken), textPath, cancellationToken);
                report = await extractor.ExtractAsync(layout, cancellationToken);
            }
            catch (ReportRejectedException e)
            {
                errors.Add($"{name}: {e.ReasonCode}: {e.Message}");
                continue;
            }

            foreach (var q in Question.All)
            {
                cells.Add(ScoreCell(Path.GetFileName(textPath), language, q, expected.GetValueOrDefault(q, []), report.Answers.Where(a => a.Question == q).ToList()));
            }
        }

        return new EvaluationReport(cells, errors);
    }

    internal static CellScore ScoreCell(string file, string language, Question q, IReadOnlyList<string> snippets, IReadOnlyList<ExtractedAnswer> answers)
    {
        var units = answers.SelectMany(a => a.Text.Split("\n\n")).Select(ScriptText.CollapseWhitespace).ToList();
        var wanted = snippets.Select(ScriptText.CollapseWhitespace).ToList();
        var found = wanted.Where(s => units.Any(u => u.Contains(s, StringComparison.Ordinal))).ToList();
        var correct = units.Where(u => wanted.Any(s => u.Contains(s, StringComparison.Ordinal))).ToList();
        var detection = new Score(answers.Count > 0 && snippets.Count > 0 ? 1 : 0, answers.Count > 0 ? 1 : 0, answers.Count > 0 && snippets.Count > 0 ? 1 : 0, snippets.Count > 0 ? 1 : 0);
        var passage = new Score(correct.Count, units.Count, found.Count, wanted.Count);
        return new CellScore(file, language, q, detection, passage, [.. wanted.Except(found)], [.. units.Except(correct)]);
    }

    private static (string Language, Dictionary<Question, IReadOnlyList<string>> Answers) ReadLabels(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var answers = new Dictionary<Question, IReadOnlyList<string>>();
        foreach (var property in root.GetProperty("answers").EnumerateObject())
        {
            answers[Question.Parse(property.Name)] = [.. property.Value.EnumerateArray().Select(e => e.GetString() ?? "")];
        }

        return (root.GetProperty("language").GetString() ?? "und", answers);
    }
}
