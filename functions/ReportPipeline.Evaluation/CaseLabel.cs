using ReportPipeline.Core;
namespace ReportPipeline.Evaluation;

/// <summary>How a labelled case answers one question, and the verbatim quotes that carry the answer.</summary>
public sealed record CaseLabel(Question Question, AnswerLabel Label, IReadOnlyList<string> Quotes);
