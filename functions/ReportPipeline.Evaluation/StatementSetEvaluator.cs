using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;

namespace ReportPipeline.Evaluation;

/// <summary>How a labelled statement answers one question: Y answers it, P in part, N not at all.</summary>
public enum AnswerLabel
{
    Y,
    P,
    N,
}

/// <summary>
/// One case and question of a statement set: its label, whether a labelled quote lies inside the text extracted for the
/// question, how many characters were extracted, and the answers given with their confidence and whether each holds a quote.
/// </summary>
public sealed record StatementCell(string Case, int Number, string Language, Question Question, AnswerLabel Label, bool Found, int AnsweredCharacters,
    IReadOnlyList<(double Confidence, bool HoldsQuote)> Answers)
{
    /// <summary>Fewer characters than this on an N question are noise, not an answer.</summary>
    public const int AnswerFloor = 30;

    public bool Answered => AnsweredCharacters >= AnswerFloor;

    /// <summary>A quote lies inside an answer or one of the question's ranked candidates (recall@3 counts these).</summary>
    public bool FoundInCandidates { get; init; }
}

/// <summary>Found Y questions against Y questions and answered N questions; P questions count apart.</summary>
public sealed record StatementScore(int Found, int Yes, int NoAnswered, int No, int PartFound, int Part)
{
    public double Precision => Found + NoAnswered == 0 ? 1 : (double)Found / (Found + NoAnswered);

    public double Recall => Yes == 0 ? 1 : (double)Found / Yes;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double NoAnsweredShare => No == 0 ? 0 : (double)NoAnswered / No;

    public static StatementScore Of(IEnumerable<StatementCell> cells)
    {
        var list = cells.ToList();
        return new(
            list.Count(c => c.Label == AnswerLabel.Y && c.Found), list.Count(c => c.Label == AnswerLabel.Y),
            list.Count(c => c.Label == AnswerLabel.N && c.Answered), list.Count(c => c.Label == AnswerLabel.N),
            list.Count(c => c.Label == AnswerLabel.P && c.Found), list.Count(c => c.Label == AnswerLabel.P));
    }
}

/// <summary>The scores of a statement set, with the targets it is judged against.</summary>
public sealed record StatementSetReport(IReadOnlyList<StatementCell> Cells, IReadOnlyList<string> Errors)
{
    /// <summary>The floor for F1 over the whole set.</summary>
    public const double OverallTarget = 0.85;

    /// <summary>The floor for F1 in every language (all questions) and every question (all languages).</summary>
    public const double GroupTarget = 0.75;

    /// <summary>The most N questions that may be answered, as a share of them.</summary>
    public const double NoAnsweredCeiling = 0.15;

    /// <summary>Answers at least this confident are the ones a reader trusts; calibration counts how many are right.</summary>
    public const double ConfidentAnswer = 0.8;

    public int Cases => Cells.Select(c => c.Case).Distinct().Count();

    /// <summary>Y questions with a quote inside an answer or a ranked candidate, and all Y questions.</summary>
    public (int Found, int Yes) RecallAt3()
    {
        var yes = Cells.Where(c => c.Label == AnswerLabel.Y).ToList();
        return (yes.Count(c => c.FoundInCandidates), yes.Count);
    }

    public IEnumerable<string> Languages => Cells.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal);

    public StatementScore Score(Func<StatementCell, bool> filter) => StatementScore.Of(Cells.Where(filter));

    /// <summary>Answers with confidence at least <see cref="ConfidentAnswer"/>: how many, how many hold a quote, how many sit on an N question.</summary>
    public (int Answers, int HoldQuote, int OnNo) Calibration()
    {
        var confident = Cells.SelectMany(c => c.Answers.Where(a => a.Confidence >= ConfidentAnswer).Select(a => (Cell: c, a.HoldsQuote))).ToList();
        return (confident.Count, confident.Count(x => x.HoldsQuote), confident.Count(x => x.Cell.Label == AnswerLabel.N));
    }

    /// <summary>Why the set misses the development targets; empty when it meets them. A set of no cases fails.</summary>
    public IReadOnlyList<string> Failures() => Failures(StatementTargets.Development);

    /// <summary>Why the set misses <paramref name="targets"/>; empty when it meets them. A set of no cases fails.</summary>
    public IReadOnlyList<string> Failures(StatementTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var failures = new List<string>();
        if (Cases == 0)
        {
            failures.Add("no labelled case was read");
        }

        var all = Score(_ => true);
        if (Below(all.F1, targets.Overall))
        {
            failures.Add(Format($"overall F1 {all.F1:0.000} < {targets.Overall:0.00}"));
        }

        if (all.NoAnsweredShare > targets.NoAnsweredCeiling)
        {
            failures.Add(Format($"N questions answered {all.NoAnsweredShare:P0} > {targets.NoAnsweredCeiling:P0}"));
        }

        if (targets.PerLanguage is { } perLanguage)
        {
            foreach (var language in Languages)
            {
                Check($"language {language}", Score(c => c.Language == language), perLanguage, failures);
            }
        }

        if (targets.PerQuestion is { } perQuestion)
        {
            foreach (var q in Question.All)
            {
                Check($"question ({q})", Score(c => c.Question == q), perQuestion, failures);
            }
        }

        var (found, yes) = RecallAt3();
        if (targets.RecallAt3 is { } recall && Below(yes == 0 ? 1 : (double)found / yes, recall))
        {
            failures.Add(Format($"recall@3 {(double)found / yes:0.000} < {recall:0.00}"));
        }

        if (Errors.Count > 0)
        {
            failures.Add($"{Errors.Count} case(s) could not be read");
        }

        return failures;
    }

    private static void Check(string name, StatementScore score, double target, List<string> failures)
    {
        if (Below(score.F1, target))
        {
            failures.Add(Format($"{name} F1 {score.F1:0.000} < {target:0.00}"));
        }
    }

    /// <summary>Below a target by more than rounding: 2 × 1 × 0.6 / 1.6 is 0.7499999999999999 in floating point, and meets 0.75.</summary>
    private static bool Below(double value, double target) => value < target - 1e-9;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

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
