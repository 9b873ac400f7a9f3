namespace ReportPipeline.Functions.Indications;

/// <summary>
/// The body of <c>POST api/indications</c>: the period, the report version and revision the portal showed, the action
/// (<c>point</c> or <c>withdraw</c>), and the question and paragraph (point) or the passage (withdraw).
/// </summary>
public sealed record IndicationBody(string? Period, int? Version, int? Revision, string? Action, string? Question, string? Paragraph, string? Passage);
