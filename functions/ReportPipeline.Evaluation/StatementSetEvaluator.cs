using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;

namespace ReportPipeline.Evaluation;

/// <summary>
/// Scores extraction against a labelled set of real statements: <c>cases/NN-XXX-ll.txt</c> (header lines, a line
/// <c>=====</c>, then the text) and <c>labels.json</c> (per case and question a label Y, P or N and verbatim quotes).
/// A Y question is found when one of its quotes, whitespace-normalised and case-insensitive, lies inside an answer to the
/// question; an N question given <see cref="StatementCell.AnswerFloor"/> or more characters of answer is a false positive.
/// </summary>
public sealed class StatementSetEvaluator(IDocumentAnalyzer analyzer, IAnswerExtractor extractor)
{
    public const string LabelsFile = "labels.json";
    public const string CasesFolder = "cases";
    private const string BodySeparator = "=====";

    /// <summary>Whether a folder holds a statement set rather than a corpus of {name}.expected.json files.</summary>
    public static bool IsStatementSet(string directory) =>
        File.Exists(Path.Combine(directory, LabelsFile)) && Directory.Exists(Path.Combine(directory, CasesFolder));

    /// <summary>Scores the cases whose number passes <paramref name="include"/> (all cases, or one half of the set).</summary>
    public async Task<StatementSetReport> EvaluateAsync(string directory, Func<int, bool> include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(include);
        using var labels = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, LabelsFile), cancellationToken));
        var cells = new List<StatementCell>();
        var errors = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(directory, CasesFolder), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var number = int.TryParse(name.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            if (!include(number))
            {
                continue;
            }

            if (!labels.RootElement.TryGetProperty(name, out var caseLabels))
            {
                errors.Add($"{name}: no labels in {LabelsFile}");
                continue;
            }

            var (language, body) = ReadCase(await File.ReadAllTextAsync(path, cancellationToken));
            if (body is null)
            {
                errors.Add($"{name}: no '{BodySeparator}' line before the text");
                continue;
            }

            ExtractedReport report;
            try
            {
                report = await extractor.ExtractAsync(await analyzer.AnalyzeAsync(Encoding.UTF8.GetBytes(body), name + ".txt", cancellationToken), cancellationToken);
            }
            catch (ReportRejectedException e)
            {
                errors.Add($"{name}: {e.ReasonCode}: {e.Message}");
                continue;
            }

            foreach (var q in Question.All)
            {
                var cell = caseLabels.GetProperty(q.ToString());
                var label = Enum.Parse<AnswerLabel>(cell.GetProperty("label").GetString() ?? "", ignoreCase: false);
                var quotes = cell.GetProperty("quotes").EnumerateArray().Select(e => Fold(e.GetString() ?? "")).ToList();
                cells.Add(ScoreCell(name, number, language, q, label, quotes, [.. report.Answers.Where(a => a.Question == q)], [.. report.Candidates.Where(c => c.Question == q)]));
            }
        }

        return new StatementSetReport(cells, errors);
    }

    internal static StatementCell ScoreCell(string name, int number, string language, Question q, AnswerLabel label, IReadOnlyList<string> quotes,
        IReadOnlyList<ExtractedAnswer> answers, IReadOnlyList<RankedPassage>? candidates = null)
    {
        bool Holds(string answer) => Fold(answer) is var text && quotes.Any(s => text.Contains(s, StringComparison.Ordinal));
        var scored = answers.Select(a => (a.Confidence, HoldsQuote: Holds(a.Text))).ToList();
        return new StatementCell(name, number, language, q, label, scored.Any(a => a.HoldsQuote), answers.Sum(a => a.Text.Trim().Length), scored)
        {
            FoundInCandidates = scored.Any(a => a.HoldsQuote) || (candidates ?? []).Any(c => Holds(c.Text)),
        };
    }

    /// <summary>The case's language (its LANG header) and the text after the separator line.</summary>
    internal static (string Language, string? Body) ReadCase(string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var separator = Array.IndexOf(lines, BodySeparator);
        var language = lines.Take(Math.Max(separator, 0)).FirstOrDefault(l => l.StartsWith("LANG:", StringComparison.Ordinal))?[5..].Trim() ?? "und";
        return (language, separator < 0 ? null : string.Join('\n', lines.Skip(separator + 1)));
    }

    /// <summary>Whitespace collapsed and case folded, so a quote matches however the answer was wrapped.</summary>
    internal static string Fold(string text) => ScriptText.CollapseWhitespace(text).ToLowerInvariant();
}
