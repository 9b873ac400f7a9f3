namespace ReportPipeline.Core.Reports;

/// <summary>One passage answering one guiding question.</summary>
public sealed record ExtractedAnswer(
    Question Question,
    string Text,
    double Confidence,
    string Method,
    IReadOnlyList<Provenance> Provenance,
    IReadOnlyList<string> Themes);
