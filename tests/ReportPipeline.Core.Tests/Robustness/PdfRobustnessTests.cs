using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Documents.Pdf;
using ReportPipeline.Local;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace ReportPipeline.Core.Tests.Robustness;

/// <summary>PDFs that real readers open and ours once refused or half read, and PDFs built to exhaust memory.</summary>
public sealed partial class PdfRobustnessTests
{
    private const int Pages = 6;

    private static readonly List<string> s_allLines = [.. Enumerable.Range(1, Pages).SelectMany(p => OddDocuments.PageLines(p))];

    private static async Task<LayoutDocument> AnalyzeAsync(byte[] pdf, AnalysisOptions? settings = null)
    {
        var options = Options.Create(settings ?? new AnalysisOptions());
        return await new DocumentAnalyzer([new PdfAnalyzer(options)], options).AnalyzeAsync(pdf, "report.pdf", TestContext.Current.CancellationToken);
    }

    private static string Text(LayoutDocument layout) => string.Join("\n", layout.ContentParagraphs.Select(p => p.Text));

    /// <summary>The line labels ("P2L7") in the order the analysis gives them, to check reading order.</summary>
    private static List<string> LineLabels(LayoutDocument layout) => [.. LineLabel().Matches(Text(layout)).Select(m => m.Value)];

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task AnalyzeAsync_RotatedPages_ReadsEveryWordInReadingOrder(int rotation)
    {
        var layout = await AnalyzeAsync(OddDocuments.TextPdf(Pages, pageRotation: _ => rotation));

        Assert.Equal(1.0, OddDocuments.Recall(s_allLines, Text(layout)), 3);
        Assert.Equal(s_allLines.Select(l => l.Split(' ')[0]), LineLabels(layout));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task AnalyzeAsync_TextTurnedOnUprightPage_ReadsEveryWordInReadingOrder(int rotation)
    {
        var layout = await AnalyzeAsync(OddDocuments.TextPdf(Pages, textRotation: p => p % 2 == 0 ? rotation : 0));

        Assert.Equal(1.0, OddDocuments.Recall(s_allLines, Text(layout)), 3);
        Assert.Equal(s_allLines.Select(l => l.Split(' ')[0]), LineLabels(layout));
    }

    public static TheoryData<string, byte[]> Prefixes() => new()
    {
        { "UTF-8 byte-order mark", [0xEF, 0xBB, 0xBF] },
        { "MacBinary header", OddDocuments.MacBinaryHeader() },
        { "1,000 bytes of junk", [.. Enumerable.Repeat((byte)'x', 1000)] },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task AnalyzeAsync_BytesBeforeTheHeader_ReadsThePdf(string prefix, byte[] bytes)
    {
        var layout = await AnalyzeAsync(OddDocuments.TextPdf(Pages, prefix: bytes));

        Assert.Equal(DocumentFormat.Pdf, layout.Format);
        Assert.True(OddDocuments.Recall(s_allLines, Text(layout)) == 1.0, prefix);
    }

    [Fact]
    public async Task AnalyzeAsync_HeaderPastTheFirst1024Bytes_IsNoPdf()
    {
        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => AnalyzeAsync(OddDocuments.TextPdf(1, prefix: [.. Enumerable.Repeat((byte)0, 1025)])));

        Assert.Equal(ReasonCodes.UnsupportedFormat, e.ReasonCode);
    }

    [Fact]
    public async Task AnalyzeAsync_OneDamagedPageAmongMany_SkipsItWithAWarningNamingIt()
    {
        var layout = await AnalyzeAsync(OddDocuments.TextPdf(Pages, damaged: p => p == 4));

        Assert.Equal(Pages, layout.Pages);
        Assert.Equal(["damaged-pages: page 4 of 6 could not be read and was skipped"], layout.Warnings);
        Assert.Equal(1.0, OddDocuments.Recall(s_allLines.Where(l => !l.StartsWith("P4L", StringComparison.Ordinal)), Text(layout)), 3);
        Assert.DoesNotContain("P4L0", Text(layout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_MostPagesDamaged_RejectsAsCorrupt()
    {
        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => AnalyzeAsync(OddDocuments.TextPdf(Pages, damaged: p => p != 2)));

        Assert.Equal(ReasonCodes.Corrupt, e.ReasonCode);
    }

    [Fact]
    public async Task AnalyzeAsync_FilledInForm_ReadsFieldValuesAsParagraphsAfterTheirQuestions()
    {
        var pdf = OddDocuments.FormPdf(
        [
            ("(a) What challenges does your State face?", "Question a", "Our border agencies lack biometric equipment and trained staff."),
            ("(b) How effective is technical assistance?", "Question b", "Assistance from UNODC helped us draft terrorist financing legislation."),
        ]);

        var layout = await AnalyzeAsync(pdf);

        Assert.Equal(
        [
            "(a) What challenges does your State face?",
            "Question a: Our border agencies lack biometric equipment and trained staff.",
            "(b) How effective is technical assistance?",
            "Question b: Assistance from UNODC helped us draft terrorist financing legislation.",
        ], layout.ContentParagraphs.Select(p => p.Text));
        Assert.All(layout.ContentParagraphs, p => Assert.Equal(ParagraphRole.Body, p.Role));
    }

    [Fact]
    public async Task AnalyzeAsync_FlateBomb_RejectsTooLargeWithoutInflatingIt()
    {
        var bomb = OddDocuments.FlateBombPdf(1024L * 1024 * 1024);
        // PdfPig's first document allocates some 32 MiB of tables it keeps; they are no cost of the bomb's.
        await AnalyzeAsync(OddDocuments.TextPdf(1));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => AnalyzeAsync(bomb));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(ReasonCodes.TooLarge, e.ReasonCode);
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated / (1024 * 1024)} MiB allocated refusing a {bomb.Length / 1024} KB bomb");
    }

    [Fact]
    public async Task AnalyzeAsync_StreamsTogetherOverTheDocumentBudget_RejectsTooLarge()
    {
        // Each page's content is well under the per-stream limit; together they are over the document's.
        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => AnalyzeAsync(OddDocuments.TextPdf(Pages), new AnalysisOptions { MaxPdfDecodedBytes = 4096 }));

        Assert.Equal(ReasonCodes.TooLarge, e.ReasonCode);
    }

    public static TheoryData<string, byte[], int> EncodedStreams() => new()
    {
        // The LZW example of the PDF reference (7.4.4.2): "-----A---B".
        { "LZWDecode", Convert.FromHexString("800B6050220C0C8501"), 10 },
        { "RunLengthDecode", [2, (byte)'a', (byte)'b', (byte)'c', 256 - 4, (byte)'z', 128], 8 },
        { "FlateDecode", PdfWriter.Deflate(Encoding.ASCII.GetBytes(new string('x', 5000))), 5000 },
        { "ASCII85Decode", Encoding.ASCII.GetBytes("z~>"), 4 },
    };

    [Theory]
    [MemberData(nameof(EncodedStreams))]
    public void Decode_BudgetedFilter_ChargesExactlyWhatItDecodes(string filter, byte[] encoded, int decoded)
    {
        var dictionary = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Filter] = NameToken.Create(filter) });
        byte[] Decode(long limit)
        {
            var provider = new BoundedFilterProvider(new DecodeBudget(limit, long.MaxValue));
            return provider.GetNamedFilters([NameToken.Create(filter)])[0].Decode(encoded, dictionary, provider, 0).ToArray();
        }

        Assert.Equal(decoded, Decode(decoded).Length);
        var e = Assert.Throws<ReportRejectedException>(() => Decode(decoded - 1));
        Assert.Equal(ReasonCodes.TooLarge, e.ReasonCode);
    }

    [Fact]
    public void IsDocumentFault_ExceptionsByOrigin_OnlyPdfPigsMeanDamage()
    {
        var pdfPigParse = new PdfDocumentFormatException("bad xref");
        var pdfPigBcl = Record(() => PdfDocument.Open(OddDocuments.TextPdf(1)).GetPage(5));
        var ours = Record(() => _ = ((object)"text" as int[])![0]);
        var cast = Record(() => _ = (int)(object)"text");

        Assert.IsAssignableFrom<ArgumentException>(pdfPigBcl);
        Assert.True(PdfFailure.IsDocumentFault(pdfPigParse));
        Assert.True(PdfFailure.IsDocumentFault(pdfPigBcl));
        Assert.False(PdfFailure.IsDocumentFault(ours));
        Assert.False(PdfFailure.IsDocumentFault(cast));
        Assert.False(PdfFailure.IsDocumentFault(new ReportRejectedException(ReasonCodes.TooLarge, "budget")));
    }

    private static Exception Record(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("expected an exception");
    }

    [GeneratedRegex(@"P\d+L\d+")]
    private static partial Regex LineLabel();
}
