using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Documents.Docx;
using ReportPipeline.Documents.Html;

namespace ReportPipeline.Core.Tests.Robustness;

/// <summary>
/// Word and HTML files built to exhaust memory or the stack: each is refused as <c>too-large</c> early, having
/// allocated a small fraction of what reading it would take. (Peak memory of the whole process is measured in
/// the integration tests' RobustnessTests, through the CLI.)
/// </summary>
public sealed class MarkupBombTests
{
    private static readonly IOptions<AnalysisOptions> s_options = Options.Create(new AnalysisOptions());

    private static async Task<(ReportRejectedException Refusal, long AllocatedMiB)> RefuseAsync(IFormatAnalyzer analyzer, byte[] content, DocumentFormat format)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = await Assert.ThrowsAsync<ReportRejectedException>(() => analyzer.AnalyzeAsync(content, format, TestContext.Current.CancellationToken));
        return (refusal, (GC.GetAllocatedBytesForCurrentThread() - before) / (1024 * 1024));
    }

    [Fact]
    public async Task AnalyzeAsync_DocxPartBomb_RejectsTooLargeBeforeBuildingTheTree()
    {
        // 60 MB of XML is under the 64 MiB the whole file may inflate to, and would take over a gigabyte as a tree.
        var (refusal, allocated) = await RefuseAsync(new DocxAnalyzer(s_options), OddDocuments.DocxPartBomb(60L * 1024 * 1024), DocumentFormat.Docx);

        Assert.Equal(ReasonCodes.TooLarge, refusal.ReasonCode);
        Assert.Contains("word/document.xml", refusal.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64, $"{allocated} MiB allocated");
    }

    [Fact]
    public async Task AnalyzeAsync_DocxNestedDeeperThanTheLimit_RejectsTooLargeInsteadOfOverflowingTheStack()
    {
        // The Open XML SDK builds its tree recursively: 100,000 levels ended the process with a stack overflow.
        var (refusal, _) = await RefuseAsync(new DocxAnalyzer(s_options), OddDocuments.DocxDeeplyNested(100_000), DocumentFormat.Docx);

        Assert.Equal(ReasonCodes.TooLarge, refusal.ReasonCode);
        Assert.Contains("levels deep", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_DocxNestedWithinTheLimit_ReadsTheText()
    {
        var layout = await new DocxAnalyzer(s_options).AnalyzeAsync(OddDocuments.DocxDeeplyNested(100), DocumentFormat.Docx, TestContext.Current.CancellationToken);

        Assert.Equal(["Deeply nested text."], layout.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task AnalyzeAsync_HtmlOverTheByteLimit_RejectsTooLargeWithoutParsing()
    {
        var html = OddDocuments.HugeHtml(9L * 1024 * 1024);

        var (refusal, allocated) = await RefuseAsync(new HtmlAnalyzer(s_options), html, DocumentFormat.Html);

        Assert.Equal(ReasonCodes.TooLarge, refusal.ReasonCode);
        Assert.True(allocated < 1, $"{allocated} MiB allocated");
    }

    [Fact]
    public async Task AnalyzeAsync_HtmlOverTheElementLimit_StopsParsingAtTheLimit()
    {
        var html = OddDocuments.HugeHtml(4L * 1024 * 1024);
        var full = await MeasureAsync(() => new HtmlAnalyzer(s_options).AnalyzeAsync(html, DocumentFormat.Html, TestContext.Current.CancellationToken));

        var (refusal, allocated) = await RefuseAsync(new HtmlAnalyzer(Options.Create(new AnalysisOptions { MaxHtmlElements = 1000 })), html, DocumentFormat.Html);

        Assert.Equal(ReasonCodes.TooLarge, refusal.ReasonCode);
        Assert.True(allocated * 20 < full, $"{allocated} MiB allocated refusing, {full} MiB reading the whole page");
    }

    [Fact]
    public async Task AnalyzeAsync_HtmlNestedToTheParsersLimit_RejectsTooLargeQuickly()
    {
        // 100,000 nested divs (1 MB) took the HTML5 tree builder over a minute.
        var start = ThreadCpuTime.Now();

        // The HTML analyzer runs synchronously on the calling thread, so its CPU time is the refusal's cost.
        var (refusal, _) = await RefuseAsync(new HtmlAnalyzer(s_options), OddDocuments.DeepHtml(100_000), DocumentFormat.Html);

        var spent = ThreadCpuTime.Now() - start;
        Assert.Equal(ReasonCodes.TooLarge, refusal.ReasonCode);
        Assert.True(spent < TimeSpan.FromSeconds(5), $"{spent.TotalSeconds:0.0} s of CPU");
    }

    [Fact]
    public async Task AnalyzeAsync_HtmlNestedAsDeepAsReportsGo_ReadsTheText()
    {
        var layout = await new HtmlAnalyzer(s_options).AnalyzeAsync(OddDocuments.DeepHtml(200), DocumentFormat.Html, TestContext.Current.CancellationToken);

        Assert.Equal(["Deeply nested text."], layout.Paragraphs.Select(p => p.Text));
    }

    private static async Task<long> MeasureAsync(Func<Task> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        await work();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (1024 * 1024);
    }
}
