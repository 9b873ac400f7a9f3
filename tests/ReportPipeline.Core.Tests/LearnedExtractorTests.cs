using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Evaluation;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Core.Tests;

public sealed class LearnedExtractorTests
{
    /// <summary>Raise the model's version (train --model-version) with every retraining or feature change that alters this fingerprint, and record both here.</summary>
    private static readonly (string Version, string Fingerprint) s_recorded = ("learned-4", "7b4d06e309247fac61f00e970e58daa46d8903d99cd17b2e521b1114d800f4bf");

    private static readonly DocumentAnalyzer s_analyzer = new([new PlainTextAnalyzer()]);

    [Fact]
    public async Task ModelVersion_ModelAndExtractionOfTheSeedStatements_MatchTheFingerprintRecordedForIt()
    {
        var extractor = new LearnedExtractor(ThemeCatalog.Default);
        var files = new[] { "corpus", "heldout" }.SelectMany(d => Directory.EnumerateFiles(TestPaths.Seeds(d), "*.txt")).Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ExtractionModel.Default.ToJson()));
        foreach (var file in files)
        {
            var report = extractor.Extract(await AnalyzeAsync(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), Path.GetFileName(file)));
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n" + JsonSerializer.Serialize(report) + "\n"));
        }

        var fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());

        Assert.True(files.Count > 50, "The seed statements were not found.");
        Assert.True(s_recorded == (ExtractionModel.Default.Version, fingerprint),
            $"The model and what it extracts are now {fingerprint}, recorded {s_recorded.Fingerprint} for {s_recorded.Version}. If the change is intended, "
            + $"train with a new --model-version (now {ExtractionModel.Default.Version}) and record the version and fingerprint in {nameof(LearnedExtractorTests)}.");
    }

    [Fact]
    public void Default_EmbeddedModel_NamesTodaysFeaturesAndRoundTrips()
    {
        var model = ExtractionModel.Default;

        var again = ExtractionModel.Parse(model.ToJson());

        Assert.Equal(PassageFeatures.Count, model.Weights.Count);
        Assert.Equal(model.ToJson(), again.ToJson());
        Assert.All(model.Thresholds, t => Assert.InRange(t, 0.05, 0.95));
        Assert.Equal(Question.Count, model.Thresholds.Count);
        Assert.DoesNotContain(PassageFeatures.Names, n => n.Split(':', '.').Length > 3);
    }

    [Fact]
    public void Parse_FeaturesOtherThanTheCodes_IsRefusedWithAReason()
    {
        var json = ExtractionModel.Default.ToJson().Replace("\"own.core\"", "\"own.kernel\"", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => ExtractionModel.Parse(json));

        Assert.Contains("other features", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_SameDocumentTwice_SameReport()
    {
        var extractor = new LearnedExtractor(ThemeCatalog.Default);
        var layout = await AnalyzeAsync(Statement, "statement.txt");

        var first = ExtractionContract.ToJson("s", extractor.Extract(layout));
        var second = ExtractionContract.ToJson("s", new LearnedExtractor(ThemeCatalog.Default).Extract(layout));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Extract_Statement_AnswersWithTheModelsVersionAndRanksThreeCandidatesPerQuestionBestFirst()
    {
        var layout = await AnalyzeAsync(Statement, "statement.txt");

        var report = new LearnedExtractor(ThemeCatalog.Default).Extract(layout);

        Assert.Equal(ExtractionModel.Default.Version, report.ExtractorVersion);
        Assert.Contains(report.Answers, a => a.Question == Question.C && a.Text.Contains("Committee should", StringComparison.Ordinal));
        foreach (var q in Question.All)
        {
            var candidates = report.Candidates.Where(c => c.Question == q).ToList();
            Assert.Equal(3, candidates.Count);
            Assert.Equal(candidates.OrderByDescending(c => c.Score).Select(c => c.Score), candidates.Select(c => c.Score));
            Assert.All(candidates, c => Assert.Contains(layout.Paragraphs, p => p.Index == c.Paragraph && p.Page == c.Page));
        }
    }

    [Fact]
    public async Task ToJson_LearnedReport_CarriesCandidatesWithTextPagePargraphAndScore()
    {
        var report = new LearnedExtractor(ThemeCatalog.Default).Extract(await AnalyzeAsync(Statement, "statement.txt"));

        using var json = JsonDocument.Parse(ExtractionContract.ToJson("s", report));

        var first = json.RootElement.GetProperty("candidates")[0];
        Assert.Equal(report.Candidates[0].Text, first.GetProperty("text").GetString());
        Assert.Equal(report.Candidates[0].Score, first.GetProperty("score").GetDouble());
        Assert.Equal(report.Candidates[0].Paragraph, first.GetProperty("paragraph").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Extract_Statement_AnswersWithWholeParagraphs()
    {
        var layout = await AnalyzeAsync(Statement, "statement.txt");

        var report = new LearnedExtractor(ThemeCatalog.Default).Extract(layout);

        Assert.NotEmpty(report.Answers);
        Assert.All(report.Answers, a => Assert.Equal(
            string.Join("\n\n", a.Provenance.Select(p => layout.Paragraphs.Single(x => x.Page == p.Page && x.Index == p.Paragraph).Text.Trim())), a.Text));
    }

    [Fact]
    public async Task Fit_SameCasesTwice_SameModelFileByteForByte()
    {
        var cases = await SeedCasesAsync();

        var first = ModelTrainer.Fit(cases, "t", ["seeds/corpus"]).ToJson();
        var second = ModelTrainer.Fit(cases, "t", ["seeds/corpus"]).ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Folds_SeedCases_EachCaseInExactlyOneFoldAndEveryFoldHasEveryLanguage()
    {
        var cases = await SeedCasesAsync();

        var folds = ModelValidation.Folds(cases, 5);

        Assert.Equal(cases.Select(c => c.Case.Key).Order(StringComparer.Ordinal), folds.SelectMany(f => f).Select(c => c.Case.Key).Order(StringComparer.Ordinal));
        Assert.All(folds, f => Assert.Equal(6, f.Select(c => c.Case.Language).Distinct().Count()));
    }

    [Theory]
    [InlineData("en", "International co-operation and co-ordination", "international cooperation and coordination")]
    [InlineData("en", "We need a technical assistance program at the regional center.", "We need a technical assistance programme at the regional centre.")]
    [InlineData("zh", "國際合作與協調", "国际合作与协调")]
    public void Lexicon_VariantSpellingOrScript_ScoresLikeTheVocabularysForm(string language, string variant, string canonical)
    {
        var lexicon = Lexicon.For(language);

        var a = lexicon.Score(variant);
        var b = lexicon.Score(canonical);

        Assert.Equal(Question.All.Select(q => b.Question(q)), Question.All.Select(q => a.Question(q)));
        Assert.Contains(Question.All, q => b.Question(q) > 0);
    }

    private const string Statement =
        "Mr. President, I thank you for convening this meeting.\n\n"
        + "Our border agencies lack biometric equipment and trained staff, and the reporting burden strains our small administration.\n\n"
        + "Technical assistance from CTED helped us draft legislation, and we value our cooperation with UNODC on training prosecutors.\n\n"
        + "The Committee should streamline its working methods and focus its country visits on the States most in need.\n\n"
        + "Coordination between CTED, UNOCT and the 1267 Monitoring Team must improve so that the United Nations speaks with one voice.\n\n"
        + "I thank you.";

    private static Task<LayoutDocument> AnalyzeAsync(string text, string name) =>
        s_analyzer.AnalyzeAsync(Encoding.UTF8.GetBytes(text), name, TestContext.Current.CancellationToken);

    private static async Task<List<FeaturedCase>> SeedCasesAsync()
    {
        var rules = new AnswerExtractor(ThemeCatalog.Default);
        var cases = await new LabelledSets(s_analyzer).ReadAsync(TestPaths.Seeds("corpus"), "seeds/corpus", TestContext.Current.CancellationToken);
        return [.. cases.Select(c => new FeaturedCase(c, rules))];
    }
}
