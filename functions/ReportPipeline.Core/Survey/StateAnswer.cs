namespace ReportPipeline.Core.Survey;

/// <summary>A state's answer to one question, summarised: its passages, themes and the most confident passage's opening.</summary>
public sealed record StateAnswer(Question Question, int Passages, IReadOnlyList<string> Themes, string Summary, int Page, int Paragraph);
