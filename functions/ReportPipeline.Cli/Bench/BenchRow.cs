namespace ReportPipeline.Cli.Bench;

/// <summary>
/// A measured figure. With a floor it is also a ratio, judged against <see cref="MaxRatio"/>;
/// spreads are the minimum and maximum over the runs.
/// </summary>
internal sealed record BenchRow(string Benchmark, string Measure, Stats Value, string Unit, Stats? Floor = null, string? FloorName = null, double? MaxRatio = null)
{
    public double? Ratio => Floor is { Median: > 0 } f ? Value.Median / f.Median : null;

    public bool Passes => MaxRatio is not { } max || Ratio is not { } ratio || ratio <= max;
}
