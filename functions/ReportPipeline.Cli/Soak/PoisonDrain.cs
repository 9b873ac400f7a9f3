using ReportPipeline.Core.Storage;

namespace ReportPipeline.Cli.Soak;

/// <summary>What the poison queue's trigger did with each message: the rows RecordFailedIngest returned, and what it gave up on.</summary>
internal sealed record PoisonDrain(IReadOnlyList<UploadRecord> Recorded, int FailedRuns, int MovedToPoison);
