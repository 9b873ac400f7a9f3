using System.Diagnostics;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ReportPipeline.Cli.Bench;

/// <summary>
/// Local PDF analysis against its floor, PdfPig's bare per-page text extraction (<c>page.Text</c>), on the same
/// generated 100-page two-column file; and peak memory of both on a generated ~50 MB PDF (text pages plus image streams).
/// Runs of the floor and the analysis alternate so that noise from a shared machine falls on both.
/// </summary>
internal sealed class PdfBenchmark : IBenchmark
{
    private const int Pages = 100;

    public string Name => "pdf-analysis";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var small = await File.ReadAllBytesAsync(EnsureFile(context.ScratchDirectory, "bench-100-pages.pdf", () => Build(Pages, imageBytes: 0)), cancellationToken);
        var large = EnsureFile(context.ScratchDirectory, "bench-50-mb.pdf", () => Build(Pages, imageBytes: 50L * 1024 * 1024));
        var analyzer = new PdfAnalyzer(Options.Create(new AnalysisOptions()));

        BareText(small);
        await analyzer.AnalyzeAsync(small, DocumentFormat.Pdf, cancellationToken);
        var floor = new List<double>();
        var analysis = new List<double>();
        for (var run = 0; run < context.Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            BareText(small);
            floor.Add(watch.Elapsed.TotalMilliseconds / Pages);
            watch.Restart();
            await analyzer.AnalyzeAsync(small, DocumentFormat.Pdf, cancellationToken);
            analysis.Add(watch.Elapsed.TotalMilliseconds / Pages);
        }

        var largeBytes = await File.ReadAllBytesAsync(large, cancellationToken);
        var floorMemory = new List<double>();
        var analysisMemory = new List<double>();
        for (var run = 0; run < Math.Min(context.Runs, 3); run++)
        {
            floorMemory.Add(await PeakAboveBaselineAsync(() => Task.FromResult(BareText(largeBytes))));
            analysisMemory.Add(await PeakAboveBaselineAsync(async () => (await analyzer.AnalyzeAsync(largeBytes, DocumentFormat.Pdf, cancellationToken)).Paragraphs.Count));
        }

        var sizeMiB = largeBytes.Length / (1024.0 * 1024);
        return
        [
            new BenchRow(Name, $"ms per page, {Pages}-page two-column PDF", Stats.Of(analysis), "ms", Stats.Of(floor), "PdfPig page.Text", 1.5),
            new BenchRow(Name, $"peak managed heap above baseline, {sizeMiB:0.0} MiB PDF", Stats.Of(analysisMemory), "MiB", Stats.Of(floorMemory), "PdfPig page.Text"),
        ];
    }

    /// <summary>The floor: open the document and take each page's text as PdfPig gives it, nothing more.</summary>
    private static int BareText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var characters = 0;
        for (var i = 1; i <= document.NumberOfPages; i++)
        {
            characters += document.GetPage(i).Text.Length;
        }

        return characters;
    }

    /// <summary>Samples the GC heap every few milliseconds while the work runs; the peak less the heap before it, in MiB.</summary>
    private static async Task<double> PeakAboveBaselineAsync(Func<Task<int>> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(2, CancellationToken.None);
            }
        }, CancellationToken.None);
        await work();
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        await stop.CancelAsync();
        await sampler;
        return (peak - baseline) / (1024.0 * 1024);
    }

    private static string EnsureFile(string directory, string name, Func<byte[]> build)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"bench: generating {path} …");
            File.WriteAllBytes(path, build());
        }

        return path;
    }

    /// <summary>
    /// A report-like PDF: a running header, a page number, a heading and two justified-looking columns of body text per
    /// page; optionally padded to <paramref name="imageBytes"/> with one incompressible JPEG stream per page, as scans
    /// and photographs pad real files (the analyzer never decodes them).
    /// </summary>
    private static byte[] Build(int pages, long imageBytes)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var words = Text.Split(' ');
        var random = new Random(1373);
        var cursor = 0;
        for (var p = 1; p <= pages; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText("Report of a Member State on resolution 1373 (2001)", 9, new PdfPoint(56, 800), regular);
            page.AddText($"{p}", 9, new PdfPoint(295, 30), regular);
            page.AddText($"{p}. Implementation of the resolution", 14, new PdfPoint(56, 760), bold);
            foreach (var left in new[] { 56.0, 310.0 })
            {
                for (var y = 730.0; y > 70; y -= 13)
                {
                    var line = new List<string>();
                    while (line.Sum(w => w.Length + 1) < 44)
                    {
                        line.Add(words[cursor++ % words.Length]);
                    }

                    page.AddText(string.Join(' ', line), 10, new PdfPoint(left, y), regular);
                }
            }

            if (imageBytes > 0)
            {
                page.AddJpeg(Jpeg((int)(imageBytes / pages), random), new PdfRectangle(400, 20, 540, 60));
            }
        }

        return builder.Build();
    }

    /// <summary>A JPEG header (enough for PdfPig to size the image) over random bytes that no compressor shrinks.</summary>
    private static byte[] Jpeg(int size, Random random)
    {
        byte[] header = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x04, 0x00, 0x04, 0x00, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
            0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00];
        var jpeg = new byte[size];
        random.NextBytes(jpeg);
        header.CopyTo(jpeg, 0);
        for (var i = header.Length; i < size - 2; i++)
        {
            // Keep 0xFF out of the payload so nothing reads a marker in it.
            jpeg[i] = (byte)(jpeg[i] % 0xFF);
        }

        jpeg[^2] = 0xFF;
        jpeg[^1] = 0xD9;
        return jpeg;
    }

    private const string Text = "The Government welcomes the invitation of the Counter-Terrorism Committee to share its views on the guiding "
        + "questions circulated to Member States. The criminalization of terrorist financing, the freezing of assets without delay and the "
        + "denial of safe haven are now fully reflected in domestic legislation. The principal difficulties lie less in the law itself than "
        + "in its consistent application across institutions with very different capacities. Technical assistance delivered in the framework "
        + "of the assessment visits has been most effective when it responded to recommendations that the Government itself had prioritized. "
        + "A single national focal point for technical assistance has reduced duplication between donors and implementing partners.";
}
