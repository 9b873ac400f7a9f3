namespace ReportPipeline.Core.Survey;

/// <summary>
/// Where an excerpt came from: the report blob, the stored version, and its page and paragraph.
/// <see cref="Reference"/> is the report's location relative to the storage account (<see cref="Storage.IReportLocator"/>)
/// followed by <c>#page=P&amp;paragraph=N</c>.
/// </summary>
public sealed record ExcerptSource(string Id, string Blob, int Version, string ContentHash, int Page, int Paragraph, string Reference);
