namespace ReportPipeline.Core.Review;

/// <summary>
/// An indication a state's focal point sends: <see cref="ReviewAction.Point"/> (a paragraph for a question) or
/// <see cref="ReviewAction.Withdraw"/> (a machine passage), on the report version and revision the portal showed.
/// </summary>
public sealed record StateIndicationRequest(ReviewAction Action, int Version, int? Revision, Question? Question = null, string? Paragraph = null, string? Passage = null);
