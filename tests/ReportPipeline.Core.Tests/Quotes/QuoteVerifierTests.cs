using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Core.Tests.Quotes;

public sealed class QuoteVerifierTests
{
    private static readonly LayoutParagraph[] s_paragraphs =
    [
        new(2, 7, ParagraphRole.Body, "Our prosecutors lack the capacity to use electronic evidence. Our long borders remain difficult to control."),
        new(2, 8, ParagraphRole.Body, "Technical assistance from UNODC has been valuable,\nand joint investigation teams\u00A0work well."),
        new(3, 9, ParagraphRole.Body, "L\u2019Etat a adopté la loi n\u00B0 2021-15 relative au « financement du terrorisme »."),
        new(3, 10, ParagraphRole.Body, "\uFEB3\uFEE0\uFE8E\uFEE1 عليكم. تواجه بلادنا تحديات كبيرة في مراقبة الحدود."),
        new(4, 11, ParagraphRole.Body, "问题（一）：当前恐怖主义威胁呈现分散化、网络化和低龄化特点。"),
    ];

    private static QuoteVerifier Verifier() => new(new ReportChunk(1, [.. s_paragraphs.Select(p => new ChunkSegment(p, 0, p.Text))]));

    [Fact]
    public void Find_VerbatimSentence_KeepsTheDocumentsTextWithItsPageAndParagraph()
    {
        var found = Verifier().Find(Question.A, "Our long borders remain difficult to control.");

        var part = Assert.Single(found!.Parts);
        Assert.Equal((2, 7), (part.Paragraph.Page, part.Paragraph.Index));
        Assert.Equal("Our long borders remain difficult to control.", found.Text);
        Assert.Equal(s_paragraphs[0].Text.IndexOf("Our long", StringComparison.Ordinal), part.Start);
    }

    [Fact]
    public void Find_OtherWhiteSpace_MatchesAndReturnsTheOriginalLineBreaks()
    {
        var found = Verifier().Find(Question.B, "valuable, and joint investigation teams work well.");

        Assert.Equal("valuable,\nand joint investigation teams\u00A0work well.", found!.Text);
    }

    [Fact]
    public void Find_StraightApostropheForACurlyOne_Matches()
    {
        var found = Verifier().Find(Question.A, "L'Etat a adopté la loi n° 2021-15 relative au « financement du terrorisme ».");

        Assert.Equal(s_paragraphs[2].Text, found!.Text);
    }

    [Fact]
    public void Find_ArabicPresentationFormsInTheDocument_MatchTheModelsPlainLetters()
    {
        var found = Verifier().Find(Question.A, "سلام عليكم. تواجه بلادنا تحديات كبيرة");

        Assert.StartsWith("\uFEB3\uFEE0\uFE8E\uFEE1 عليكم", found!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FullWidthPunctuationQuotedNarrow_Matches()
    {
        var found = Verifier().Find(Question.A, "问题(一):当前恐怖主义威胁呈现分散化、网络化和低龄化特点。");

        Assert.Equal(s_paragraphs[4].Text, found!.Text);
    }

    [Fact]
    public void Find_ChineseClauseWithinASentence_IsFoundThoughNoSpaceMarksItsStart()
    {
        var found = Verifier().Find(Question.A, "恐怖主义威胁呈现分散化、网络化和低龄化特点");

        Assert.Equal((4, 11), (found!.Parts[0].Paragraph.Page, found.Parts[0].Paragraph.Index));
    }

    [Fact]
    public void Find_QuoteSpanningParagraphs_MapsToEachParagraph()
    {
        var found = Verifier().Find(Question.A, "Our long borders remain difficult to control. Technical assistance from UNODC has been valuable,");

        Assert.Equal([7, 8], found!.Parts.Select(p => p.Paragraph.Index));
        Assert.Equal("Our long borders remain difficult to control.\n\nTechnical assistance from UNODC has been valuable,", found.Text);
    }

    [Theory]
    [InlineData("Our border guards lack modern equipment and training.")]
    [InlineData("Our long borders remain hard to control.")]
    [InlineData("our long borders remain difficult to control.")]
    [InlineData("Nos longues frontières restent difficiles à contrôler.")]
    [InlineData("Our long borders … difficult to control.")]
    [InlineData("rosecutors lack the capacity to use electronic evidence.")]
    [InlineData("Our prosecutors lack the capacity to use electronic evid")]
    public void Find_InventedParaphrasedRecasedTranslatedOrElided_IsNotFound(string quote)
    {
        Assert.Null(Verifier().Find(Question.A, quote));
    }

    [Theory]
    [InlineData("Our")]
    [InlineData("borders")]
    [InlineData("   ")]
    public void Find_FragmentOfAWordOrTwo_IsNotAnAnswer(string quote)
    {
        Assert.Null(Verifier().Find(Question.A, quote));
    }

    [Fact]
    public void Find_PieceOfALongParagraph_ReportsOffsetsInTheWholeParagraph()
    {
        var paragraph = new LayoutParagraph(1, 1, ParagraphRole.Body, "First part of a long paragraph. Second part of the same long paragraph.");
        var second = paragraph.Text.IndexOf("Second", StringComparison.Ordinal);
        var verifier = new QuoteVerifier(new ReportChunk(1, [new ChunkSegment(paragraph, second, paragraph.Text[second..])]));

        var part = Assert.Single(verifier.Find(Question.D, "Second part of the same long paragraph.")!.Parts);

        Assert.Equal((second, paragraph.Text.Length), (part.Start, part.End));
    }
}
