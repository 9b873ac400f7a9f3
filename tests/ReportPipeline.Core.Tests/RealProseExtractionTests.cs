using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Tests;

/// <summary>The phenomena of real statements and press summaries, each on text written for this test.</summary>
public sealed class RealProseExtractionTests
{
    private static Task<ExtractedReport> ExtractAsync(string text) => TestExtraction.ExtractAsync(text);

    private static string Answer(ExtractedReport report, char question) =>
        string.Join("\n\n", report.Answers.Where(a => a.Question.Letter == question).Select(a => a.Text));

    [Fact]
    public async Task Extract_ProseWithoutMarkersOrHeadings_AnswersWhatItSpeaksTo()
    {
        var report = await ExtractAsync(
            "Ruritania takes the floor to share three observations.\n\n"
            + "Technical assistance delivered after an assessment visit by the Executive Directorate has helped our prosecutors, "
            + "and the good practices we learned should be shared with our neighbours.\n\n"
            + "Coordination between the Office of Counter-Terrorism and the other Compact entities must improve, so that their projects do not overlap.\n\n"
            + "Our delegation will continue to follow these questions closely.");

        Assert.Equal("bd", report.Coverage.ToString());
        Assert.Contains("good practices we learned", Answer(report, 'b'), StringComparison.Ordinal);
        Assert.Contains("do not overlap", Answer(report, 'd'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The representative of Ruritania said the Committee should give more attention to the use of drones by terrorist groups.")]
    [InlineData("fr", "Le représentant de la Ruritanie a estimé que le Comité devrait accorder davantage d'attention à l'utilisation de drones par les groupes terroristes.")]
    [InlineData("es", "El representante de Ruritania afirmó que el Comité debería prestar más atención al uso de drones por los grupos terroristas.")]
    [InlineData("ru", "Представитель Руритании заявил, что Комитету следует уделять больше внимания использованию беспилотников террористическими группами.")]
    [InlineData("zh", "鲁里坦尼亚代表表示，安理会应更加重视恐怖组织利用无人机等新技术的问题。")]
    [InlineData("ar", "ودعا مندوب روريتانيا مجلس الأمن إلى إيلاء اهتمام أكبر لاستخدام الجماعات الإرهابية للطائرات المسيرة.")]
    public async Task Extract_ThirdPersonSummary_RecommendationToTheCouncilAnswersC(string language, string sentence)
    {
        var report = await ExtractAsync(sentence);

        Assert.Equal(language, report.Language);
        Assert.Equal(sentence, Answer(report, 'c'));
    }

    [Fact]
    public async Task Extract_SeveralSpeakersInOneSummary_AnswersFromEachSpeakersParagraph()
    {
        var report = await ExtractAsync(
            "The Sixth Committee continued its debate on measures to eliminate international terrorism.\n\n"
            + "The delegate of Ruritania said that technical assistance and capacity-building programmes had helped her country train its border police.\n\n"
            + "Speaking for Freedonia, another delegate called for closer coordination among United Nations entities to avoid duplication.\n\n"
            + "The representative of Sylvania condemned the recent attacks and expressed condolences to the families of the victims.");

        Assert.Equal("bd", report.Coverage.ToString());
        Assert.Equal([new Provenance(1, 2)], report.Answers.Single(a => a.Question == Question.B).Provenance);
        Assert.Equal([new Provenance(1, 3)], report.Answers.Single(a => a.Question == Question.D).Provenance);
    }

    [Fact]
    public async Task Extract_NavigationAndBylinesAroundTheStatement_AnswerNothing()
    {
        var report = await ExtractAsync(
            "Home | News | Statements | Contact\n\nSHARE\n\n14 March 2024\n\nBy our correspondent\n\n"
            + "Our country still lacks the trained investigators and the equipment its border agencies need to detect foreign terrorist fighters.\n\n"
            + "Related stories\n\nPrint | Email | Back to top");

        var answer = Assert.Single(report.Answers);
        Assert.Equal(Question.A, answer.Question);
        Assert.Equal([new Provenance(1, 5)], answer.Provenance);
    }

    [Fact]
    public async Task Extract_TextCutMidSentence_KeepsTheCutParagraph()
    {
        var report = await ExtractAsync(
            "We thank the presidency for convening this debate.\n\n"
            + "We call on the Council to adapt the mandate of the Executive Directorate to the evolving threat and to the misuse of new technolo");

        var answer = Assert.Single(report.Answers);
        Assert.Equal(Question.C, answer.Question);
        Assert.EndsWith("new technolo", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", 'd', "وشدد المندوب على ضرورة التنسيق بين الأمم المتحدة ومكتب مكافحة الإرهاب لتفادي الازدواجية.")]
    [InlineData("ar", 'd', "وشدد المندوب على ضرورة التنسيق بين الأممالمتحدة ومكتبمكافحة الإرهاب لتفادي الازدواجية.")]
    [InlineData("zh", 'b', "代表表示:各国应加强能力建设,联合国应为发展中国家提供更多技术援助和培训,推广良好做法。")]
    [InlineData("fr", 'c', "Le représentant a déclaré que le Conseil de sécurité devrait «\u00A0adapter son action aux nouvelles menaces\u00A0»\u202F: la propagande en ligne.")]
    public async Task Extract_ArabicRunTogetherChineseAsciiPunctuationFrenchGuillemets_ReadAsTyped(string language, char question, string text)
    {
        var report = await ExtractAsync(text);

        Assert.Equal(language, report.Language);
        Assert.Equal(text, Answer(report, question));
    }

    [Fact]
    public async Task Extract_ParagraphServingTwoQuestions_GoesWholeToBoth()
    {
        const string paragraph = "We encourage the Compact entities to use the assessments of the Executive Directorate as a guide for the technical "
            + "assistance they provide, so that the United Nations system works as one.";

        var report = await ExtractAsync(paragraph);

        Assert.Equal(paragraph, Answer(report, 'b'));
        Assert.Equal(paragraph, Answer(report, 'd'));
    }

    [Theory]
    [InlineData("Terrorism remains a serious challenge to international peace and security in every region.")]
    [InlineData("We look forward to working with the Committee and its Executive Directorate in the years ahead.")]
    [InlineData("Twenty years ago, the Council adopted resolution 1373 (2001) and established the Counter-Terrorism Committee.")]
    public async Task Extract_ThreatHopeOrHistory_AnswersNothing(string text)
    {
        var report = await ExtractAsync(text);

        Assert.Empty(report.Answers);
    }
}
