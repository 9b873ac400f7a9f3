using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

public sealed class TextExtractionTests
{
    private static Task<LayoutDocument> AnalyzeAsync(string text, string fileName = "report.txt") => TestExtraction.AnalyzeAsync(text, fileName);

    [Fact]
    public async Task AnalyzeAsync_Markdown_SplitsHeadingsParagraphsAndListItems()
    {
        var layout = await AnalyzeAsync("# Title\n\nFirst line\ncontinues.\n\n- item one\n- item two\n\nLast.", "r.md");

        Assert.Equal(DocumentFormat.Markdown, layout.Format);
        Assert.Equal([ParagraphRole.Heading, ParagraphRole.Body, ParagraphRole.ListItem, ParagraphRole.ListItem, ParagraphRole.Body],
            layout.Paragraphs.Select(p => p.Role));
        Assert.Equal("First line continues.", layout.Paragraphs[1].Text);
        Assert.Equal([1, 2, 3, 4, 5], layout.Paragraphs.Select(p => p.Index));
    }

    [Fact]
    public async Task AnalyzeAsync_FormFeed_StartsANewPage()
    {
        var layout = await AnalyzeAsync("one\n\ftwo");

        Assert.Equal(2, layout.Pages);
        Assert.Equal([1, 2], layout.Paragraphs.Select(p => p.Page));
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 }, ReasonCodes.UnsupportedFormat)]
    [InlineData(new byte[] { 0xC3, 0x28, 0x41 }, ReasonCodes.Corrupt)]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0A }, ReasonCodes.NoText)]
    public async Task AnalyzeAsync_BadBytes_RejectsWithReason(byte[] content, string reason)
    {
        var sut = new DocumentAnalyzer([new PlainTextAnalyzer()]);

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => sut.AnalyzeAsync(content, "x.txt", TestContext.Current.CancellationToken));

        Assert.Equal(reason, e.ReasonCode);
    }

    [Theory]
    [InlineData("(a) Our challenges", 'a', "Our challenges")]
    [InlineData("b) Cooperation", 'b', "Cooperation")]
    [InlineData("9(c) The Council", 'c', "The Council")]
    [InlineData("9 d) Coordination", 'd', "Coordination")]
    [InlineData("Question 2: assistance", 'b', "assistance")]
    [InlineData("Pregunta c) prioridades", 'c', "prioridades")]
    [InlineData("Вопрос в) приоритеты", 'c', "приоритеты")]
    [InlineData("问题(四) 协调", 'd', "协调")]
    [InlineData("问题（一）挑战", 'a', "挑战")]
    [InlineData("(ب) التعاون", 'b', "التعاون")]
    public void TryMatch_Marker_FindsQuestion(string text, char question, string rest)
    {
        Assert.True(QuestionMarkers.TryMatch(text, out var q, out var r));
        Assert.Equal(question, q.Letter);
        Assert.Equal(rest, r);
    }

    [Theory]
    [InlineData("A number of challenges remain.")]
    [InlineData("Dans le cadre de")]
    [InlineData("(e) something else")]
    public void TryMatch_Prose_IsNoMarker(string text) => Assert.False(QuestionMarkers.TryMatch(text, out _, out _));

    [Fact]
    public async Task Extract_MarkedReport_AssignsParagraphsWithProvenanceAndThemes()
    {
        var layout = await AnalyzeAsync(
            "Thank you, Mr. President.\n\n(a) Our border agencies lack biometric equipment.\n\nMore on challenges.\n\n(c) The Committee should prioritise terrorist financing.");
        var sut = new AnswerExtractor(ThemeCatalog.Default);

        var report = sut.Extract(layout);

        Assert.Equal("ac", report.Coverage.ToString());
        var a = report.Answers.Single(x => x.Question == Question.A);
        Assert.Equal("Our border agencies lack biometric equipment.\n\nMore on challenges.", a.Text);
        Assert.Equal([new Provenance(1, 2), new Provenance(1, 3)], a.Provenance);
        Assert.Contains("border-management", a.Themes);
        Assert.Contains("biometrics", a.Themes);
        Assert.Contains("cft", report.Answers.Single(x => x.Question == Question.C).Themes);
        Assert.Equal("en", report.Language);
    }

    [Theory]
    [InlineData("The Committee has done important work in the past twenty years.", "en")]
    [InlineData("La France est attachée à la lutte contre le terrorisme dans le respect des droits.", "fr")]
    [InlineData("El Estado mexicano reafirma su compromiso con la cooperación internacional.", "es")]
    [InlineData("Российская Федерация выступает за укрепление международного сотрудничества.", "ru")]
    [InlineData("中国坚定支持联合国在国际反恐合作中发挥核心协调作用。", "zh")]
    [InlineData("تؤكد جمهورية مصر العربية التزامها بمكافحة الإرهاب.", "ar")]
    public void Detect_SixLanguages_Recognised(string text, string language) =>
        Assert.Equal(language, Languages.LanguageDetector.Detect(text));
}
