namespace ReportPipeline.Core.Review;

/// <summary>
/// A decision an analyst asks to record: the passage (accept, reject, move, copy), the question (move and copy to, add and
/// note under), the paragraph (add) and the note's text.
/// </summary>
public sealed record ReviewRequest(ReviewAction Action, string? Passage = null, Question? Question = null, string? Paragraph = null, string? Note = null);
