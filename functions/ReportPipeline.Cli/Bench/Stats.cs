using System.Diagnostics;

namespace ReportPipeline.Cli.Bench;

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
