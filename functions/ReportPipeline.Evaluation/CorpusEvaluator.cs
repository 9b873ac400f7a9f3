using System.Text.Json;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;

namespace ReportPipeline.Evaluation;

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
