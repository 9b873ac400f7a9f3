using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Evaluation;

/// <summary>
/// Figures the model was not fitted on: k-fold cross-validation grouped by case (a case's sentences are never in training
/// and test at once; folds deal the cases out in order of language, set and name, so each fold has every language), and
/// training on some sets to test on another. Each model is fitted with <see cref="ModelTrainer"/>, its thresholds included
/// (chosen on inner folds of the training part alone).
/// </summary>
public sealed class ModelValidation(ThemeCatalog themes, AnswerExtractor rules)
{
    /// <summary>Scores each case of <paramref name="test"/> with a model fitted on the other folds and on <paramref name="extra"/>.</summary>
    public StatementSetReport CrossValidate(IReadOnlyList<FeaturedCase> test, IReadOnlyList<FeaturedCase> extra, int folds)
    {
        var dealt = Folds(test, folds);
        var cells = new List<StatementCell>();
        for (var k = 0; k < folds; k++)
        {
            var model = ModelTrainer.Fit([.. extra, .. dealt.Where((_, i) => i != k).SelectMany(f => f)], "cross-validation", []);
            cells.AddRange(Score(model, dealt[k]));
        }

        return new StatementSetReport([.. cells.OrderBy(c => c.Case, StringComparer.Ordinal)], []);
    }

    /// <summary>The cases dealt into folds in order of language, set and name: deterministic, each case in one fold, languages spread.</summary>
    public static IReadOnlyList<IReadOnlyList<FeaturedCase>> Folds(IReadOnlyList<FeaturedCase> cases, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var ordered = cases.OrderBy(c => c.Case.Language, StringComparer.Ordinal).ThenBy(c => c.Case.Set, StringComparer.Ordinal)
            .ThenBy(c => c.Case.Name, StringComparer.Ordinal).ToList();
        return [.. Enumerable.Range(0, folds).Select(k => (IReadOnlyList<FeaturedCase>)[.. ordered.Where((_, i) => i % folds == k)])];
    }

    /// <summary>Scores <paramref name="test"/> with a model fitted on <paramref name="train"/> alone.</summary>
    public StatementSetReport TrainTest(IReadOnlyList<FeaturedCase> train, IReadOnlyList<FeaturedCase> test) =>
        new([.. Score(ModelTrainer.Fit(train, "train-test", []), test)], []);

    private IEnumerable<StatementCell> Score(ExtractionModel model, IEnumerable<FeaturedCase> cases)
    {
        var extractor = new LearnedExtractor(themes, rules, model);
        foreach (var c in cases)
        {
            var report = extractor.Extract(c.Case.Document);
            foreach (var label in c.Case.Labels)
            {
                var q = label.Question;
                yield return StatementSetEvaluator.ScoreCell(c.Case.Key, c.Case.Number, c.Case.Language, q, label.Label,
                    [.. label.Quotes.Select(StatementSetEvaluator.Fold)], [.. report.Answers.Where(a => a.Question == q)], [.. report.Candidates.Where(x => x.Question == q)]);
            }
        }
    }
}
