namespace ReportPipeline.Core.Survey;

/// <summary>A passage quoted from a state's report, attributed to the state and traceable to its paragraph.</summary>
public sealed record Excerpt(string Id, string Iso3, string State, Question Question, string Text, string Language, ExcerptSource Source);
