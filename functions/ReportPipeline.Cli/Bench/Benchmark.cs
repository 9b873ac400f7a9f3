using System.Diagnostics;

namespace ReportPipeline.Cli.Bench;

/// <summary>One benchmark: it measures an operation and the floor it is judged against, in the same run.</summary>
internal interface IBenchmark
{
    string Name { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}

/// <summary>What every benchmark gets: how many timed runs to make, and where to write scratch files.</summary>
internal sealed record BenchContext(int Runs, string ScratchDirectory, string? Storage);

/// <summary>
/// A measured figure. With a floor it is also a ratio, judged against <see cref="MaxRatio"/>;
/// spreads are the minimum and maximum over the runs.
/// </summary>
internal sealed record BenchRow(string Benchmark, string Measure, Stats Value, string Unit, Stats? Floor = null, string? FloorName = null, double? MaxRatio = null)
{
    public double? Ratio => Floor is { Median: > 0 } f ? Value.Median / f.Median : null;

    public bool Passes => MaxRatio is not { } max || Ratio is not { } ratio || ratio <= max;
}

/// <summary>Median and spread of repeated measurements.</summary>
internal sealed record Stats(double Median, double Min, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[^1]);
    }

    public static Stats Single(double value) => new(value, value, value);

    /// <summary>Times <paramref name="action"/> <paramref name="runs"/> times after one warm-up, in milliseconds.</summary>
    public static async Task<Stats> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Of(samples);
    }
}
