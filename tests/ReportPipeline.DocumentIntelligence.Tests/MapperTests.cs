using System.Text.Json;
using ReportPipeline.Core.Reports;
using ReportPipeline.Infrastructure.DocumentIntelligence;
using ReportPipeline.Local;

namespace ReportPipeline.DocumentIntelligence.Tests;

public sealed class MapperTests
{
    private static LayoutDocument Synthetic()
    {
        using var operation = JsonDocument.Parse(FakeDocumentIntelligence.SyntheticLayout);
        return AnalyzeResultMapper.Map(operation.RootElement.GetProperty("analyzeResult"), DocumentFormat.Pdf);
    }

    [Fact]
    public void Map_SyntheticLayout_KeepsRolesAndContentOrder()
    {
        var layout = Synthetic();

        Assert.Equal(
            [ParagraphRole.PageHeader, ParagraphRole.Title, ParagraphRole.Heading, ParagraphRole.Body, ParagraphRole.Heading, ParagraphRole.Body,
                ParagraphRole.Table, ParagraphRole.Footnote, ParagraphRole.PageNumber],
            layout.Paragraphs.Select(p => p.Role));
        Assert.Equal(Enumerable.Range(1, 9), layout.Paragraphs.Select(p => p.Index));
    }

    [Fact]
    public void Map_Sections_GiveHeadingLevels()
    {
        var headings = Synthetic().Paragraphs.Where(p => p.Role == ParagraphRole.Heading).ToList();

        Assert.Equal([("(a) Challenges", 1), ("Financing", 2)], headings.Select(h => (h.Text, h.HeadingLevel)));
    }

    [Fact]
    public void Map_Table_ReplacesItsCellParagraphs()
    {
        var layout = Synthetic();

        var table = Assert.Single(layout.Tables);
        Assert.Equal([["Area", "Outcome"], ["Aviation", "Better screening"]], table.Rows);
        Assert.DoesNotContain(layout.Paragraphs, p => p.Role == ParagraphRole.Body && p.Text == "Aviation");
        Assert.Equal("Area\tOutcome\nAviation\tBetter screening", layout.Paragraphs.Single(p => p.Role == ParagraphRole.Table).Text);
    }

    [Fact]
    public void Map_Languages_PicksTheLocaleCoveringMostContent()
    {
        Assert.Equal("en", Synthetic().Language);
    }
}
