namespace ReportPipeline.Functions.Review;

/// <summary>
/// The body of <c>POST api/review/{period}/{state}</c>: the action (<c>accept</c>, <c>reject</c>, <c>move</c>, <c>copy</c>, <c>add</c>,
/// <c>note</c>, <c>done</c>), what it is on, and the revision the analyst saw.
/// </summary>
public sealed record ReviewDecisionBody(string? Action, string? Passage, string? Question, string? Paragraph, string? Note, int? Revision);
