namespace ReportPipeline.Core.Storage;

/// <summary>A rendered survey file ready to publish.</summary>
public sealed record SurveyFile(string Name, string ContentType, ReadOnlyMemory<byte> Content);
