namespace ReportPipeline.Cli;

/// <summary>What an HTTP function answered to an in-memory request: its status and the body it wrote.</summary>
internal sealed record LocalHttpResponse(int StatusCode, MemoryStream Body);
