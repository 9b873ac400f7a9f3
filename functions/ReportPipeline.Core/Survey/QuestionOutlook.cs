namespace ReportPipeline.Core.Survey;

/// <summary>How many states answered a question, and what they spoke of most.</summary>
public sealed record QuestionOutlook(Question Key, string Title, string Text, int StatesAnswering, IReadOnlyList<ThemeCount> LeadingThemes);
