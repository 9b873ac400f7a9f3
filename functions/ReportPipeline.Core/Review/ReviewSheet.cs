namespace ReportPipeline.Core.Review;

/// <summary>
/// A state's current report as the analyst reviews it: its status, the revision a decision must be made on, who marked it
/// reviewed and when, its paragraphs, the four questions (keyed <c>a</c>-<c>d</c>), and the state's own indications.
/// </summary>
public sealed record ReviewSheet(
    string State,
    string Name,
    string Period,
    string Language,
    int Version,
    string ContentHash,
    string Status,
    int Revision,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<ReviewParagraph> Paragraphs,
    IReadOnlyDictionary<string, ReviewQuestion> Questions,
    IReadOnlyList<StateIndication> Indications);
