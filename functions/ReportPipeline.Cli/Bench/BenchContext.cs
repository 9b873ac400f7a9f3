namespace ReportPipeline.Cli.Bench;

/// <summary>What every benchmark gets: how many timed runs to make, and where to write scratch files.</summary>
internal sealed record BenchContext(int Runs, string ScratchDirectory, string? Storage);
