using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using System.Globalization;
using System.Text;
using System.Text.Json;


namespace ReportPipeline.Evaluation;

/// <summary>
/// Reads labelled texts at run time from a statement set (<c>cases/</c> + <c>labels.json</c>) or a corpus
/// (<c>{name}.txt</c> + <c>{name}.expected.json</c>); nothing of them is kept beyond the run.
/// </summary>
public sealed class LabelledSets(IDocumentAnalyzer analyzer)
{
    /// <summary>The cases of one folder, in file order; <paramref name="set"/> names them in keys and in the model's training list.</summary>
    public async Task<IReadOnlyList<LabelledCase>> ReadAsync(string directory, string set, CancellationToken cancellationToken) =>
        StatementSetEvaluator.IsStatementSet(directory) ? await ReadStatementsAsync(directory, set, cancellationToken) : await ReadCorpusAsync(directory, set, cancellationToken);

    private async Task<IReadOnlyList<LabelledCase>> ReadStatementsAsync(string directory, string set, CancellationToken cancellationToken)
    {
        using var labels = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, StatementSetEvaluator.LabelsFile), cancellationToken));
        var cases = new List<LabelledCase>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(directory, StatementSetEvaluator.CasesFolder), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var (language, body) = StatementSetEvaluator.ReadCase(await File.ReadAllTextAsync(path, cancellationToken));
            if (body is null || !labels.RootElement.TryGetProperty(name, out var caseLabels))
            {
                throw new FormatException($"{set}/{name}: no '=====' line or no labels");
            }

            var number = int.TryParse(name.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var layout = await analyzer.AnalyzeAsync(Encoding.UTF8.GetBytes(body), name + ".txt", cancellationToken);
            var list = Question.All.Select(q => caseLabels.GetProperty(q.ToString()) is var cell
                ? new CaseLabel(q, Enum.Parse<AnswerLabel>(cell.GetProperty("label").GetString() ?? ""), [.. cell.GetProperty("quotes").EnumerateArray().Select(e => e.GetString() ?? "")])
                : null!).ToList();
            cases.Add(new LabelledCase(set, name, number, language, layout, list));
        }

        return cases;
    }

    private async Task<IReadOnlyList<LabelledCase>> ReadCorpusAsync(string directory, string set, CancellationToken cancellationToken)
    {
        var cases = new List<LabelledCase>();
        foreach (var expectedPath in Directory.EnumerateFiles(directory, "*.expected.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(expectedPath)[..^".expected.json".Length];
            var textPath = Directory.EnumerateFiles(directory, name + ".*").FirstOrDefault(p => !p.EndsWith(".expected.json", StringComparison.Ordinal))
                ?? throw new FormatException($"{set}/{name}: no report file next to the labels");
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(expectedPath, cancellationToken));
            var root = doc.RootElement;
            var snippets = root.GetProperty("answers").EnumerateObject()
                .ToDictionary(p => Question.Parse(p.Name), p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(e => e.GetString() ?? "")]);
            var layout = await analyzer.AnalyzeAsync(await File.ReadAllBytesAsync(textPath, cancellationToken), textPath, cancellationToken);
            var labels = Question.All.Select(q => snippets.GetValueOrDefault(q, []) is { Count: > 0 } s ? new CaseLabel(q, AnswerLabel.Y, s) : new CaseLabel(q, AnswerLabel.N, [])).ToList();
            cases.Add(new LabelledCase(set, name, cases.Count + 1, root.GetProperty("language").GetString() ?? "und", layout, labels));
        }

        return cases;
    }
}
