namespace ReportPipeline.Core.Review;

/// <summary>A paragraph of a report as the review shows it: its id (<c>{page}.{paragraph}</c>), page, paragraph number and text.</summary>
public sealed record ReviewParagraph(string Id, int Page, int Paragraph, string Text);
