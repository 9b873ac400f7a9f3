using System.Text;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

/// <summary>Text through the plain-text analyzer and the extractor, as ingestion would read an uploaded .txt file.</summary>
internal static class TestExtraction
{
    public static async Task<ExtractedReport> ExtractAsync(string text, string fileName = "statement.txt") =>
        new AnswerExtractor(ThemeCatalog.Default).Extract(await AnalyzeAsync(text, fileName));

    /// <summary>The layout the plain-text analyzer reads from <paramref name="text"/> uploaded as <paramref name="fileName"/>.</summary>
    public static async Task<LayoutDocument> AnalyzeAsync(string text, string fileName) =>
        await new DocumentAnalyzer([new PlainTextAnalyzer()]).AnalyzeAsync(Encoding.UTF8.GetBytes(text), fileName, TestContext.Current.CancellationToken);
}
