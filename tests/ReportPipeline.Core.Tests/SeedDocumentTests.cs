using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Documents.Docx;
using ReportPipeline.Documents.Html;
using ReportPipeline.Documents.Pdf;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ReportPipeline.Core.Tests;

/// <summary>The seed documents in seeds/documents/ against their expected texts (see that folder's README.md).</summary>
public sealed partial class SeedDocumentTests
{
    public static TheoryData<string> TextDocuments() => [.. Manifest().Where(d => d.Outcome == "text").Select(d => d.File)];

    [Theory]
    [MemberData(nameof(TextDocuments))]
    public async Task AnalyzeAsync_SeedDocument_RecoversExpectedTextInReadingOrder(string file)
    {
        var entry = Manifest().Single(d => d.File == file);
        var expected = await File.ReadAllTextAsync(TestPaths.Seeds("documents", entry.Expected!), TestContext.Current.CancellationToken);

        var layout = await AnalyzeFileAsync(file);

        var got = Normalize(string.Join("\n\n", layout.ContentParagraphs.Select(p => p.Text)));
        var want = Normalize(expected);
        // The seeds README allows a small edit distance for real hyphens that fall at a line end.
        var distance = Levenshtein(got, want);
        Assert.True(distance <= 2 + want.Length / 500, $"{file}: edit distance {distance} over {want.Length} characters\n--- got:\n{got}");
        Assert.Equal(expected.Trim().Split("\n\n").Length, layout.ContentParagraphs.Count());
        Assert.Equal(entry.Language, layout.Language);
        foreach (var marker in entry.MustNotContain ?? [])
        {
            Assert.DoesNotContain(marker, string.Join('\n', layout.Paragraphs.Select(p => p.Text)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("empty.pdf", ReasonCodes.Empty)]
    [InlineData("corrupt.pdf", ReasonCodes.Corrupt)]
    [InlineData("encrypted.pdf", ReasonCodes.Encrypted)]
    [InlineData("zip-bomb.docx", ReasonCodes.TooLarge)]
    [InlineData("not-a-report.exe", ReasonCodes.UnsupportedFormat)]
    [InlineData("scan-image-only.pdf", ReasonCodes.NeedsOcr)]
    public async Task AnalyzeAsync_BadSeedDocument_RejectsWithReason(string file, string reason)
    {
        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => AnalyzeFileAsync(file));

        Assert.Equal(reason, e.ReasonCode);
    }

    [Fact]
    public async Task AnalyzeAsync_PasswordProtectedWordFile_RejectsAsEncrypted()
    {
        // The start of an OLE compound file and the UTF-16 name of the stream Office encrypts a package into.
        byte[] content = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[120], .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[64]];

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => new DocumentAnalyzer([new PlainTextAnalyzer()]).AnalyzeAsync(content, "r.docx", TestContext.Current.CancellationToken));

        Assert.Equal(ReasonCodes.Encrypted, e.ReasonCode);
    }

    [Fact]
    public async Task AnalyzeAsync_DocxNamedPdf_ReadsAsDocxWithMismatchWarning()
    {
        var layout = await AnalyzeFileAsync("renamed-docx.pdf");

        Assert.Equal(DocumentFormat.Docx, layout.Format);
        Assert.Contains(layout.Warnings, w => w.StartsWith("format-mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeAsync_RunningHeadersAndFooters_AreMarkedAsFurniture()
    {
        var layout = await AnalyzeFileAsync("fra-running-headers.pdf");

        Assert.Equal(5, layout.Paragraphs.Count(p => p.Role == ParagraphRole.PageHeader && p.Text == "Rapport de la France – Résolution 1373"));
        Assert.Equal(5, layout.Paragraphs.Count(p => p.Role == ParagraphRole.PageFooter && p.Text.StartsWith("Page ", StringComparison.Ordinal)));
        Assert.Equal(ParagraphRole.PageHeader, layout.Paragraphs[0].Role);
        Assert.Equal(ParagraphRole.PageFooter, layout.Paragraphs[^1].Role);
        Assert.Equal(Enumerable.Range(1, layout.Paragraphs.Count), layout.Paragraphs.Select(p => p.Index));
        Assert.Contains(layout.ContentParagraphs, p => p.Text.Contains("d’informations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeAsync_TwoColumnPdf_FindsTitleAndHeadingLevels()
    {
        var layout = await AnalyzeFileAsync("eng-two-column.pdf");

        Assert.Equal(ParagraphRole.Title, layout.Paragraphs[0].Role);
        Assert.Equal(["1. Challenges in implementing resolution 1373", "2. International cooperation and technical assistance"],
            layout.Paragraphs.Where(p => p.Role == ParagraphRole.Heading && p.HeadingLevel == 1).Select(p => p.Text).Take(2));
        Assert.Contains(layout.Paragraphs, p => p.Role == ParagraphRole.Heading && p.HeadingLevel == 2 && p.Text == "Legal and institutional capacity");
    }

    [Fact]
    public async Task AnalyzeAsync_WordReport_KeepsStylesListsTableAndFootnote()
    {
        var layout = await AnalyzeFileAsync("gbr-report.docx");

        Assert.Equal(ParagraphRole.Title, layout.Paragraphs.First(p => !p.IsFurniture).Role);
        Assert.Equal(4, layout.Paragraphs.Count(p => p.Role == ParagraphRole.ListItem));
        var table = Assert.Single(layout.Tables);
        Assert.Equal(["Area", "Good practice", "Outcome"], table.Rows[0]);
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(ParagraphRole.Footnote, layout.Paragraphs.Last(p => !p.IsFurniture).Role);
        Assert.Contains(layout.Paragraphs, p => p.Role == ParagraphRole.PageHeader);
    }

    [Fact]
    public async Task AnalyzeAsync_PdfOverPageLimit_RejectsTooManyPages()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < 3; i++)
        {
            builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText($"Page {i}", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        }

        var sut = new PdfAnalyzer(Options.Create(new AnalysisOptions { MaxPages = 2 }));

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => sut.AnalyzeAsync(builder.Build(), DocumentFormat.Pdf, TestContext.Current.CancellationToken));

        Assert.Equal(ReasonCodes.TooManyPages, e.ReasonCode);
    }

    [Fact]
    public async Task AnalyzeAsync_DocxWithTooManyEntries_RejectsTooLarge()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 20; i++)
            {
                await using var entry = await archive.CreateEntry($"word/part{i}.xml").OpenAsync(TestContext.Current.CancellationToken);
                entry.WriteByte((byte)'x');
            }
        }

        var sut = new DocxAnalyzer(Options.Create(new AnalysisOptions { MaxDocxEntries = 10 }));

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => sut.AnalyzeAsync(zip.ToArray(), DocumentFormat.Docx, TestContext.Current.CancellationToken));

        Assert.Equal(ReasonCodes.TooLarge, e.ReasonCode);
    }

    [Fact]
    public async Task AnalyzeAsync_HtmlScriptsStylesAndComments_AreNeverText()
    {
        const string html = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body><h1>Report</h1>"
            + "<script>var s = '<p>hidden</p>'; if (a < b) {}</script><!-- comment --><p>Visible <b>text</b></p><template><p>t</p></template></body></html>";

        var layout = await new HtmlAnalyzer(Options.Create(new AnalysisOptions())).AnalyzeAsync(Encoding.UTF8.GetBytes(html), DocumentFormat.Html, TestContext.Current.CancellationToken);

        Assert.Equal(["Report", "Visible text"], layout.Paragraphs.Select(p => p.Text));
        Assert.Equal(ParagraphRole.Title, layout.Paragraphs[0].Role);
    }

    [Theory]
    [InlineData("infor-", "mations", "informations")]
    [InlineData("террористов", "боевиков", "террористов боевиков")]
    [InlineData("执行安全", "理事会", "执行安全理事会")]
    [InlineData("1373 (2001)", "号决议", "1373 (2001)号决议")]
    [InlineData("Counter-", "Terrorism", "Counter-Terrorism")]
    public void AppendLine_LineEnds_JoinLikeTheTypedText(string first, string second, string expected)
    {
        var text = new StringBuilder(first);

        ScriptText.AppendLine(text, second);

        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public void VisualToLogical_ArabicWithNumber_ReversesArabicButNotDigits()
    {
        // "القرار 1373" drawn left to right: the number first, then the Arabic word's letters mirrored.
        List<string> visual = ["1", "3", "7", "3", " ", "ر", "ا", "ر", "ق", "ل", "ا"];

        Assert.Equal("القرار 1373", Bidi.VisualToLogical(visual));
    }

    private static async Task<LayoutDocument> AnalyzeFileAsync(string file)
    {
        var options = Options.Create(new AnalysisOptions());
        var analyzer = new DocumentAnalyzer([new PlainTextAnalyzer(), new PdfAnalyzer(options), new DocxAnalyzer(options), new HtmlAnalyzer(options)], options);
        var bytes = await File.ReadAllBytesAsync(TestPaths.Seeds("documents", file), TestContext.Current.CancellationToken);
        return await analyzer.AnalyzeAsync(bytes, file, TestContext.Current.CancellationToken);
    }

    /// <summary>What the seeds README says to compare: whitespace collapsed, none around CJK, no Arabic marks or bidi controls.</summary>
    private static string Normalize(string text)
    {
        var stripped = new string([.. text.Where(c => c is not (>= '\u064B' and <= '\u0652') and not ('\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))]);
        return AroundCjk().Replace(Whitespace().Replace(stripped, " ").Trim(), "");
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static List<ManifestEntry> Manifest()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Seeds("documents", "manifest.json")));
        return [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(d => new ManifestEntry(
            d.GetProperty("file").GetString()!,
            d.GetProperty("outcome").GetString()!,
            d.TryGetProperty("language", out var l) ? l.GetString() : null,
            d.TryGetProperty("expected", out var e) ? e.GetString() : null,
            d.TryGetProperty("mustNotContain", out var m) ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : null))];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[\u2E80-\u9FFF\uFF00-\uFFEF]) | (?=[\u2E80-\u9FFF\uFF00-\uFFEF])")]
    private static partial Regex AroundCjk();

    private sealed record ManifestEntry(string File, string Outcome, string? Language, string? Expected, IReadOnlyList<string>? MustNotContain);
}
