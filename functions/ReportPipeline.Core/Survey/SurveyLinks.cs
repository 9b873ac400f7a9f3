namespace ReportPipeline.Core.Survey;

/// <summary>One edition of a period (the latest unless another was asked for), its links, and every edition of the period, newest first.</summary>
public sealed record SurveyLinks(Period Period, string Edition, IReadOnlyList<SurveyLink> Links, IReadOnlyList<EditionSummary> Editions);
