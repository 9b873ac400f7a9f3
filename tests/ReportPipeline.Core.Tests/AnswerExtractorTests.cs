using System.Text.Json;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Evaluation;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

public sealed class AnswerExtractorTests
{
    private static AnswerExtractor CreateSut() => new(ThemeCatalog.Default);

    private static Task<ExtractedReport> ExtractAsync(string text) => TestExtraction.ExtractAsync(text);

    [Fact]
    public async Task Extract_OnlyThanksCondolencesAndCondemnation_AnswersNothing()
    {
        var report = await ExtractAsync(
            "Mr. President,\n\nI thank Tunisia for convening this debate and the briefers for their briefings. I congratulate you on your presidency.\n\n"
            + "We condemn in the strongest terms the recent terrorist attacks and convey our condolences to the families of the victims.\n\n"
            + "Twenty years ago, the Council adopted resolution 1373 (2001), a landmark in our collective fight against terrorism.\n\nI thank you.");

        Assert.Empty(report.Answers);
        Assert.Contains(report.Warnings, w => w.StartsWith("no-answers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_FreeProse_FindsEachQuestionByVocabulary()
    {
        var report = await ExtractAsync(
            "Mr. President, I thank you for convening this debate.\n\n"
            + "My country still faces serious challenges: our prosecutors lack the capacity to use electronic evidence, and our long borders remain difficult to control.\n\n"
            + "Technical assistance from UNODC and bilateral partners has been valuable, and the good practices developed in joint investigation teams should be shared more widely.\n\n"
            + "The Committee should prioritize the evolving threat posed by the misuse of the Internet and give greater attention to racially and ethnically motivated terrorism.\n\n"
            + "Finally, coordination between CTED, the Office of Counter-Terrorism and the 1267 Monitoring Team must improve, "
            + "under the Global Counter-Terrorism Coordination Compact, to avoid duplication.\n\n"
            + "I thank you.");

        Assert.Equal("abcd", report.Coverage.ToString());
        Assert.All(report.Answers, a => Assert.Equal(ExtractionMethods.Classifier, a.Method));
        Assert.Equal([new Provenance(1, 2)], report.Answers.Single(a => a.Question == Question.A).Provenance);
        Assert.Contains("border-management", report.Answers.Single(a => a.Question == Question.A).Themes);
        Assert.Contains("remvt", report.Answers.Single(a => a.Question == Question.C).Themes);
        Assert.DoesNotContain(report.Answers, a => a.Text.Contains("thank", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("en", "(a)\n\nOur financial intelligence unit lacks trained analysts.\n\n(c)\n\nThe Committee should focus on new threats.")]
    [InlineData("fr", "Question a) – Les difficultés\n\nNotre cellule de renseignement financier manque d'analystes.\n\n"
        + "Question c) – Le Conseil\n\nLe Comité devrait se concentrer sur les nouvelles menaces.")]
    [InlineData("es", "Pregunta a)\n\nNuestra unidad de inteligencia financiera carece de analistas.\n\n"
        + "Pregunta c)\n\nEl Comité debería centrarse en las nuevas amenazas.")]
    [InlineData("ru", "Вопрос а)\n\nНашему подразделению финансовой разведки не хватает аналитиков.\n\nВопрос в)\n\nКомитету следует сосредоточиться на новых угрозах.")]
    [InlineData("zh", "问题（一）\n\n我国金融情报机构缺乏专业分析人员。\n\n问题（三）\n\n反恐委员会应重点关注新威胁。")]
    [InlineData("ar", "(أ)\n\nتفتقر وحدة الاستخبارات المالية في بلادي إلى المحللين.\n\n(ج)\n\nينبغي للجنة أن تركز على التهديدات الجديدة.")]
    public async Task Extract_MarkersInSixLanguages_AssignSectionsToTheirQuestions(string language, string text)
    {
        var report = await ExtractAsync(text);

        Assert.Equal(language, report.Language);
        Assert.Equal("ac", report.Coverage.ToString());
        Assert.All(report.Answers, a => Assert.Equal(ExtractionMethods.Marker, a.Method));
        Assert.Equal([new Provenance(1, 2)], report.Answers.Single(a => a.Question == Question.A).Provenance);
    }

    [Fact]
    public async Task Extract_HeadingsParaphrasingQuestions_UseHeadingsAndSkipConclusion()
    {
        var report = await ExtractAsync(
            "**Remaining obstacles at home**\n\nOur judges have little experience of terrorism cases.\n\n"
            + "**Working as one United Nations**\n\nWe support the Global Counter-Terrorism Coordination Compact.\n\n"
            + "**Conclusion**\n\nMy delegation stands ready to work with all partners. I thank you.");

        Assert.Equal("ad", report.Coverage.ToString());
        Assert.All(report.Answers, a => Assert.Equal(ExtractionMethods.Heading, a.Method));
    }

    [Fact]
    public async Task Extract_DeflectedMarker_LeavesQuestionUnanswered()
    {
        var report = await ExtractAsync(
            "a) On the first question, my delegation has set out its national experience in detail in its written contribution, and I will not repeat it here.\n\n"
            + "b) Technical assistance works best when it is demand-driven and sustained over several years.");

        Assert.Equal("b", report.Coverage.ToString());
    }

    [Fact]
    public async Task Extract_OrdinalReference_ActsAsMarker()
    {
        var report = await ExtractAsync("As for the third question, my delegation believes the Council must remain united.\n\nI thank you.");

        var answer = Assert.Single(report.Answers);
        Assert.Equal(Question.C, answer.Question);
        Assert.Equal(ExtractionMethods.Marker, answer.Method);
    }

    [Fact]
    public async Task Extract_ParagraphServingTwoQuestions_SplitsItBySentence()
    {
        var report = await ExtractAsync(
            "Our border agencies still lack biometric equipment, and the shortage of trained staff is a serious obstacle. "
            + "We therefore call on CTED and the Office of Counter-Terrorism to improve coordination under the Global Compact and avoid duplication.");

        Assert.Equal("ad", report.Coverage.ToString());
        var d = report.Answers.Single(a => a.Question == Question.D);
        Assert.StartsWith("We therefore call on CTED", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("biometric", d.Text, StringComparison.Ordinal);
        Assert.Equal(d.Provenance, report.Answers.Single(a => a.Question == Question.A).Provenance);
    }

    [Fact]
    public async Task Extract_ClosingAddressAfterLastMarker_IsNotPartOfTheAnswer()
    {
        var report = await ExtractAsync(
            "(d)\n\nWe support closer coordination between CTED and UNOCT.\n\n"
            + "Mr. President, my country will continue to cooperate with the Committee and all United Nations entities. I thank you.");

        var answer = Assert.Single(report.Answers);
        Assert.Equal([new Provenance(1, 2)], answer.Provenance);
    }

    [Fact]
    public async Task Extract_HugeParagraphWithoutPunctuation_StaysLinear()
    {
        var text = string.Concat(Enumerable.Repeat("our prosecutors lack training and face serious challenges and gaps in capacity ", 20_000));
        var layout = await TestExtraction.AnalyzeAsync(text, "statement.txt");
        var start = ThreadCpuTime.Now();

        var report = CreateSut().Extract(layout);

        // CPU time, not the wall clock a loaded machine stretches: a quadratic pass over 1.6 MB would take minutes of it.
        var spent = ThreadCpuTime.Now() - start;
        Assert.True(spent < TimeSpan.FromSeconds(30), $"took {spent} of CPU");
        Assert.NotEmpty(report.Answers);
    }

    [Fact]
    public async Task Extract_PdfLinesBrokenMidSentence_AreJoinedNotTakenForHeadings()
    {
        var report = await ExtractAsync(
            "Our country still faces serious challenges in implementing the resolution, because our\n\n"
            + "Prosecutors lack training in financial investigations and our border posts\n\n"
            + "lack the equipment they need.");

        var answer = Assert.Single(report.Answers);
        Assert.Equal(Question.A, answer.Question);
        Assert.Equal([1, 2, 3], answer.Provenance.Select(p => p.Paragraph));
    }

    [Theory]
    [InlineData("Les combattants terroristes étrangers et la société civile.", new[] { "ftf", "civil-society" })]
    [InlineData("La financiación del terrorismo y las fronteras.", new[] { "cft", "border-management" })]
    [InlineData("Иностранные боевики используют интернет.", new[] { "ftf", "ict" })]
    [InlineData("加强边境管控，防范新冠疫情。", new[] { "border-management", "covid-19" })]
    [InlineData("حماية حقوق الإنسان ودور المرأة", new[] { "human-rights", "gender" })]
    [InlineData("Mutual legal assistance and biometrics", new[] { "biometrics", "judicial-cooperation" })]
    public void Match_ThemesInSixLanguages_AreRecognised(string text, string[] keys) =>
        Assert.Equal(keys.Order(StringComparer.Ordinal), ThemeCatalog.Default.Match(text).Order(StringComparer.Ordinal));

    [Fact]
    public void Scan_OverlappingTerms_AreAllFound()
    {
        var sut = new TermMatcher(["he", "she", "his", "hers"]);
        var found = new List<(int, int)>();

        sut.Scan("ushers", found);

        Assert.Equal([(1, 4), (0, 4), (3, 6)], found);
    }

    [Theory]
    [InlineData("en", true, "Mr. President, counter-terrorism under l373 (2OO1) is the Committee’s  work.")]
    [InlineData("zh", false, "聯合國反恐委員會 与 联合国")]
    [InlineData("ar", false, "الأمم  المتحدة ومكافحة الإرهاب")]
    public void FoldAndScan_FindsWhatFoldingThenScanningFinds(string language, bool spaces, string text)
    {
        var variants = LanguageProfiles.Embedded.Get(language).Variants;
        var sut = new TermMatcher([" counter terror", "1373", "2001", " the ", "联合国", "委员会", TextNormalizer.Normalize("الأمم").Trim(), TextNormalizer.Normalize("الإرهاب").Trim()]);
        var folding = new char[text.Length + 2];
        var folded = variants.Canonical(folding.AsSpan(0, TextNormalizer.Normalize(text, folding, spaces))).ToString();
        var expected = new List<(int, int)>();
        sut.Scan(folded, expected);
        var buffer = new char[text.Length + 2];
        var found = new List<(int Id, int End)>();

        var length = sut.FoldAndScan(text, buffer, spaces, variants, found);

        Assert.Equal(folded, new string(buffer, 0, length));
        Assert.Equal(expected, found);
        Assert.True(found.Count >= 2);
    }

    [Theory]
    [InlineData("Défis  ÉNORMES", " defis enormes ")]
    [InlineData("الإرهابُ", " الارهاب ")]
    [InlineData("resolution l373 (2OO1)", " resolution 1373 2001 ")]
    [InlineData("Её", " ее ")]
    public void Normalize_FoldsCaseAccentsAndLetterVariants(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void ToJson_Report_FollowsTheContractAndEscapesMarkup()
    {
        var report = new ExtractedReport("en", 2,
            [new ExtractedAnswer(Question.A, "<script>x</script> défis", 0.8, ExtractionMethods.Marker, [new Provenance(2, 7)], ["cft"])],
            [new ThemeMention("cft", [Question.A])], []) { ExtractorVersion = AnswerExtractor.ExtractorVersion };

        var json = ExtractionContract.ToJson("r.txt", report);

        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains("défis", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["file", "language", "pages", "extractor", "answers", "candidates", "themes", "quotesRejected", "tokens", "warnings"], root.EnumerateObject().Select(p => p.Name));
        var answer = root.GetProperty("answers")[0];
        Assert.Equal("a", answer.GetProperty("question").GetString());
        Assert.Equal(7, answer.GetProperty("provenance")[0].GetProperty("paragraph").GetInt32());
        Assert.Equal("a", root.GetProperty("themes")[0].GetProperty("questions")[0].GetString());
    }

    [Fact]
    public void ErrorJson_Failure_CarriesCodeAndMessage()
    {
        using var doc = JsonDocument.Parse(LayoutJson.WriteError("x.pdf", ReasonCodes.Encrypted, "The PDF is encrypted."));

        Assert.Equal("x.pdf", doc.RootElement.GetProperty("file").GetString());
        Assert.Equal(ReasonCodes.Encrypted, doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("The PDF is encrypted.", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public void ScoreCell_MissedAndSpuriousPassages_AreCounted()
    {
        var answers = new List<ExtractedAnswer>
        {
            new(Question.A, "We lack   analysts.\n\nUnrelated text.", 0.9, ExtractionMethods.Marker, [new Provenance(1, 2), new Provenance(1, 3)], []),
        };

        var cell = CorpusEvaluator.ScoreCell("r.txt", "en", Question.A, ["We lack analysts", "Our borders are porous"], answers);

        Assert.Equal(new Score(1, 2, 1, 2), cell.Passage);
        Assert.Equal(new Score(1, 1, 1, 1), cell.Detection);
        Assert.Equal(["Our borders are porous"], cell.Missed);
    }

    [Fact]
    public async Task EvaluateAsync_LabelledCorpus_MeetsThresholds()
    {
        var sut = new CorpusEvaluator(new DocumentAnalyzer([new PlainTextAnalyzer()]), CreateSut());

        var report = await sut.EvaluateAsync(TestPaths.Seeds("corpus"), TestContext.Current.CancellationToken);

        Assert.Equal(66 * 4, report.Cells.Count);
        Assert.Empty(report.Failures());
    }

    [Fact]
    public async Task EvaluateAsync_HeldOutStatements_AnswerFewUnansweredQuestions()
    {
        var sut = new CorpusEvaluator(new DocumentAnalyzer([new PlainTextAnalyzer()]), CreateSut());

        var report = await sut.EvaluateAsync(TestPaths.Seeds("heldout"), TestContext.Current.CancellationToken);

        var unanswered = report.Cells.Where(c => c.Detection.Expected == 0).ToList();
        Assert.True(unanswered.Count(c => c.Detection.Predicted > 0) <= unanswered.Count / 5, "answers on more than 20% of unanswered questions");
        Assert.True(report.Sum(_ => true, c => c.Detection).F1 >= 0.85);
        Assert.True(report.Sum(_ => true, c => c.Passage).F1 >= 0.85);
    }
}
