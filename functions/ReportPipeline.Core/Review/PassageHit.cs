namespace ReportPipeline.Core.Review;

/// <summary>A current passage that holds the words searched for, where it stands, and the review page that shows it.</summary>
public sealed record PassageHit(
    string Period,
    string State,
    string Name,
    string Region,
    Question Question,
    string Language,
    string Id,
    string Text,
    int Page,
    int Paragraph,
    string Source,
    string Decision,
    string Status,
    string Link);
