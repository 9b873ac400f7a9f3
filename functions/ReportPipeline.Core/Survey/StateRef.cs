namespace ReportPipeline.Core.Survey;

/// <summary>A Member State by code and name.</summary>
public sealed record StateRef(string Iso3, string Name);
