using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Evaluation;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

public sealed class StatementSetEvaluatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("statement-set-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static StatementSetEvaluator CreateSut() => new(new DocumentAnalyzer([new PlainTextAnalyzer()]), new AnswerExtractor(ThemeCatalog.Default));

    private static ExtractedAnswer Answer(string text, double confidence = 0.9) =>
        new(Question.C, text, confidence, ExtractionMethods.Classifier, [new Provenance(1, 1)], []);

    [Fact]
    public void ScoreCell_QuoteWrappedDifferently_IsFoundWhateverItsCaseAndSpacing()
    {
        var cell = StatementSetEvaluator.ScoreCell("01-XXX-en", 1, "en", Question.C, AnswerLabel.Y, ["the council should act now"],
            [Answer("We think that The Council\nshould  act now, before it is too late.")]);

        Assert.True(cell.Found);
        Assert.Equal([(0.9, true)], cell.Answers);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void ScoreCell_AnswerOnAnNQuestion_IsAFalsePositiveFromThirtyCharacters(int length, bool answered)
    {
        var cell = StatementSetEvaluator.ScoreCell("01-XXX-en", 1, "en", Question.C, AnswerLabel.N, [], [Answer(new string('x', length))]);

        Assert.Equal(answered, cell.Answered);
    }

    [Fact]
    public void Score_FoundAnsweredAndPartial_CountAsTheIssueDefines()
    {
        StatementCell[] cells =
        [
            new("01", 1, "en", Question.A, AnswerLabel.Y, Found: true, 100, []),
            new("01", 1, "en", Question.B, AnswerLabel.Y, Found: false, 100, []),
            new("01", 1, "en", Question.C, AnswerLabel.N, Found: false, 100, []),
            new("01", 1, "en", Question.D, AnswerLabel.P, Found: true, 100, []),
        ];

        var score = StatementScore.Of(cells);

        Assert.Equal(new StatementScore(Found: 1, Yes: 2, NoAnswered: 1, No: 1, PartFound: 1, Part: 1), score);
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(1.0, score.NoAnsweredShare);
    }

    [Fact]
    public async Task EvaluateAsync_NoCases_Fails()
    {
        Directory.CreateDirectory(Path.Combine(_directory, StatementSetEvaluator.CasesFolder));
        await File.WriteAllTextAsync(Path.Combine(_directory, StatementSetEvaluator.LabelsFile), "{}", TestContext.Current.CancellationToken);

        var report = await CreateSut().EvaluateAsync(_directory, _ => true, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Cases);
        Assert.Contains("no labelled case was read", report.Failures());
    }

    [Fact]
    public async Task EvaluateAsync_CaseWithHeaderLines_ScoresOnlyTheTextAfterTheSeparator()
    {
        var cases = Directory.CreateDirectory(Path.Combine(_directory, StatementSetEvaluator.CasesFolder)).FullName;
        await File.WriteAllTextAsync(Path.Combine(cases, "07-RUR-en.txt"),
            "SOURCE: written for this test\nLANG: en\n=====\nWe call on the Committee to adapt its working methods to the evolving threat.\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, StatementSetEvaluator.LabelsFile),
            """
            {"07-RUR-en": {
              "a": {"label": "N", "quotes": []},
              "b": {"label": "N", "quotes": []},
              "c": {"label": "Y", "quotes": ["adapt its working methods to the evolving threat"]},
              "d": {"label": "N", "quotes": []}}}
            """, TestContext.Current.CancellationToken);

        var all = await CreateSut().EvaluateAsync(_directory, _ => true, TestContext.Current.CancellationToken);
        var even = await CreateSut().EvaluateAsync(_directory, n => n % 2 == 0, TestContext.Current.CancellationToken);

        Assert.True(StatementSetEvaluator.IsStatementSet(_directory));
        Assert.Equal(new StatementScore(1, 1, 0, 3, 0, 0), all.Score(_ => true));
        Assert.Equal("en", all.Cells[0].Language);
        Assert.DoesNotContain(all.Cells, c => c.AnsweredCharacters > 0 && c.Label == AnswerLabel.N);
        Assert.Equal(0, even.Cases);
    }

    [Fact]
    public async Task CorpusEvaluateAsync_EmptyFolder_Fails()
    {
        var report = await new CorpusEvaluator(new DocumentAnalyzer([new PlainTextAnalyzer()]), new AnswerExtractor(ThemeCatalog.Default))
            .EvaluateAsync(_directory, TestContext.Current.CancellationToken);

        Assert.Contains("no labelled report was read", report.Failures());
    }
}
