namespace ReportPipeline.Core.Reports;

/// <summary>
/// A passage the model ranks high for a question, for a reviewer to weigh beside the answers: the sentence with its
/// neighbours in the paragraph, where it is, and the model's probability that it answers the question.
/// </summary>
public sealed record RankedPassage(Question Question, string Text, int Page, int Paragraph, double Score);
