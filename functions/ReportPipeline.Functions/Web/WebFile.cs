namespace ReportPipeline.Functions.Web;

/// <summary>A file of the two pages, as embedded in this assembly from <c>Web/</c>.</summary>
public sealed record WebFile(string Path, string ContentType, byte[] Content);
