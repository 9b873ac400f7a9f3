using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Core.Tests.Quotes;

public sealed class ReportChunkerTests
{
    /// <summary>A word is a token: simple enough to check by hand.</summary>
    internal static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static LayoutParagraph Paragraph(int index, int words, int page = 1) =>
        new(page, index, ParagraphRole.Body, string.Join(' ', Enumerable.Range(1, words).Select(w => $"w{index}x{w}")));

    [Fact]
    public void Split_WholeParagraphs_FillChunksUpToTheBudgetInReadingOrder()
    {
        var paragraphs = new[] { Paragraph(1, 40), Paragraph(2, 40), Paragraph(3, 40), Paragraph(4, 10) };

        var chunks = ReportChunker.Split(paragraphs, 100, Words);

        Assert.Equal([[1, 2], [3, 4]], chunks.Select(c => c.Segments.Select(s => s.Paragraph.Index).ToArray()));
        Assert.All(chunks.SelectMany(c => c.Segments), s => Assert.Equal(0, s.Offset));
        Assert.Equal([1, 2], chunks.Select(c => c.Number));
    }

    [Fact]
    public void Split_ParagraphLongerThanTheBudget_IsCutAtSpacesIntoPiecesThatFit()
    {
        var paragraph = Paragraph(1, 250);

        var chunks = ReportChunker.Split([paragraph], 100, Words);

        var pieces = chunks.SelectMany(c => c.Segments).ToList();
        Assert.True(pieces.Count >= 3);
        Assert.All(chunks, c => Assert.True(Words(c.Text) <= 100));
        Assert.Equal(paragraph.Text, string.Concat(pieces.Select(p => p.Text)));
        Assert.All(pieces, p => Assert.Equal(p.Text, paragraph.Text.Substring(p.Offset, p.Text.Length)));
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith(" ", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_LongTextWithoutSpaces_NeverCutsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("𠀀中", 300));
        var paragraph = new LayoutParagraph(1, 1, ParagraphRole.Body, text);

        var chunks = ReportChunker.Split([paragraph], 50, t => t.Length);

        var pieces = chunks.SelectMany(c => c.Segments).ToList();
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
        Assert.All(pieces, p => Assert.False(char.IsLowSurrogate(p.Text[0])));
        Assert.All(pieces, p => Assert.True(p.Text.Length <= 50));
    }
}
