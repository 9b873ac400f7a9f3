namespace ReportPipeline.Cli.Bench;

/// <summary>One benchmark: it measures an operation and the floor it is judged against, in the same run.</summary>
internal interface IBenchmark
{
    string Name { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
