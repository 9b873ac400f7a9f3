using System.CommandLine;
using System.Globalization;
using ReportPipeline.Cli.Bench;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>bench</c>: every benchmark, printed as a table of measured figures and ratios against their floors.</summary>
internal static class BenchCommand
{
    private static IBenchmark[] Benchmarks() => [new PdfBenchmark(), new ExtractionBenchmark(), new SurveyCompileBenchmark()];

    public static Command Create(Option<string?> storage)
    {
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 5, Description = "Timed runs per measurement (after one warm-up)." };
        var only = new Option<string?>("--only") { Description = "Run only the benchmarks whose name contains this text." };
        var command = new Command("bench", "Run the benchmarks and print their figures, floors and ratios.") { runs, only };
        command.SetAction(async (result, cancellationToken) =>
        {
            var scratch = Path.Combine(RepoPaths.State, "bench");
            Directory.CreateDirectory(scratch);
            var context = new BenchContext(Math.Max(1, result.GetValue(runs)), scratch, result.GetValue(storage));
            var rows = new List<BenchRow>();
            foreach (var benchmark in Benchmarks().Where(b => result.GetValue(only) is not { } o || b.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))
            {
                Console.Error.WriteLine($"bench: {benchmark.Name} …");
                rows.AddRange(await benchmark.RunAsync(context, cancellationToken));
            }

            Print(rows);
            return rows.All(r => r.Passes) ? 0 : 1;
        });
        return command;
    }

    private static void Print(IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; median [min–max] over the runs");
        Console.WriteLine("| benchmark | measure | value | floor | ratio | target |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var floor = r.Floor is { } f ? $"{Format(f)} {r.Unit} ({r.FloorName})" : "";
            var ratio = r.Ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
            var target = r.MaxRatio is { } m ? $"≤ {m.ToString("0.0#", CultureInfo.InvariantCulture)}× {(r.Passes ? "ok" : "MISSED")}" : "";
            Console.WriteLine($"| {r.Benchmark} | {r.Measure} | {Format(r.Value)} {r.Unit} | {floor} | {ratio} | {target} |");
        }
    }

    private static string Format(Stats s) => string.Create(CultureInfo.InvariantCulture, $"{s.Median:0.###} [{s.Min:0.###}–{s.Max:0.###}]");
}
