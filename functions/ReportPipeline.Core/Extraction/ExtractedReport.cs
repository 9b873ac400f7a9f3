namespace ReportPipeline.Core.Extraction;

/// <summary>Where an answer came from: 1-based page and paragraph of the analysed document.</summary>
public sealed record Provenance(int Page, int Paragraph);

/// <summary>One passage answering one guiding question.</summary>
public sealed record ExtractedAnswer(
    Question Question,
    string Text,
    double Confidence,
    string Method,
    IReadOnlyList<Provenance> Provenance,
    IReadOnlyList<string> Themes);

/// <summary>A theme and the questions in whose answers it appears.</summary>
public sealed record ThemeMention(string Key, IReadOnlyList<Question> Questions);

/// <summary>The answers a report gives to the four guiding questions.</summary>
public sealed record ExtractedReport(
    string Language,
    int Pages,
    IReadOnlyList<ExtractedAnswer> Answers,
    IReadOnlyList<ThemeMention> Themes,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The questions answered.</summary>
    public QuestionSet Coverage => QuestionSet.Of(Answers.Select(a => a.Question));
}

/// <summary>Names of the evidence that placed a passage under a question.</summary>
public static class ExtractionMethods
{
    public const string Marker = "marker";
    public const string Heading = "heading";
    public const string Classifier = "classifier";
}

/// <summary>Finds the answers to the guiding questions in a layout document.</summary>
public interface IAnswerExtractor
{
    /// <summary>
    /// Names what this extractor produces, and changes whenever that may change: stored with every submission, so answers
    /// are keyed by content and extractor, and <c>reprocess --stale</c> finds reports extracted by another one.
    /// </summary>
    string Version { get; }

    ExtractedReport Extract(Layout.LayoutDocument document);
}
