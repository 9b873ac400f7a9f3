namespace ReportPipeline.Core.Survey;

/// <summary>Coverage across all Member States and per question.</summary>
public sealed record GlobalOutlook(int StatesReporting, int TotalStates, IReadOnlyList<QuestionOutlook> Questions);
