namespace ReportPipeline.Core.Review;

/// <summary>A passage the extractor found in a state's current report, as the portal shows it to the state: id, question, words and place.</summary>
public sealed record StatePassage(string Id, Question Question, string Text, int Page, int Paragraph);
