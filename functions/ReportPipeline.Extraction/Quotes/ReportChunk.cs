namespace ReportPipeline.Extraction.Quotes;

/// <summary>The part of a report one request carries: whole paragraphs in reading order, separated by blank lines.</summary>
public sealed record ReportChunk(int Number, IReadOnlyList<ChunkSegment> Segments)
{
    public const string Separator = "\n\n";

    public string Text => string.Join(Separator, Segments.Select(s => s.Text));
}
