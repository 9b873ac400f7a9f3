namespace ReportPipeline.Cli.Soak;

/// <summary>Where an upload ended up: the blob it became, or the reason code its slot was refused with.</summary>
internal sealed record Delivery(string? BlobName, string? Refusal);
