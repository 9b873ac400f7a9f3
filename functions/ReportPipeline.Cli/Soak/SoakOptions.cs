namespace ReportPipeline.Cli.Soak;

/// <summary>What the soak is asked to do; the same seed makes the same uploads.</summary>
internal sealed record SoakOptions(int Uploads, int Concurrency, int StorageRestarts, bool DocumentIntelligenceFaults, int Seed);
