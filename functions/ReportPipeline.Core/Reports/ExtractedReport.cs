namespace ReportPipeline.Core.Reports;

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

    /// <summary>The version of the extractor that answered (<see cref="IAnswerExtractor.Version"/>), stored with the submission.</summary>
    public required string Extractor { get; init; }

    /// <summary>Quotes a language model proposed that the document does not contain word for word: dropped, and counted here.</summary>
    public int QuotesRejected { get; init; }

    /// <summary>Tokens a language model read and wrote for this report; none for the local extractor.</summary>
    public TokenUsage Usage { get; init; } = TokenUsage.None;

    /// <summary>The passages the learned model ranks best per question, answers or not, for review; none from a language model.</summary>
    public IReadOnlyList<RankedPassage> Candidates { get; init; } = [];
}

/// <summary>Tokens a language model read (the prompts) and wrote (its answers).</summary>
public readonly record struct TokenUsage(long Input, long Output)
{
    public static TokenUsage None { get; }

    public static TokenUsage operator +(TokenUsage x, TokenUsage y) => new(x.Input + y.Input, x.Output + y.Output);
}

/// <summary>The version names of the Azure OpenAI extractor.</summary>
public static class ExtractorNames
{
    /// <summary><c>azure-openai/{deployment}</c>: the deployment, not the model that answered, so a replay is recognised before the model is asked.</summary>
    public static string AzureOpenAI(string deployment) => $"azure-openai/{deployment}";
}

/// <summary>Names of the evidence that placed a passage under a question.</summary>
public static class ExtractionMethods
{
    public const string Marker = "marker";
    public const string Heading = "heading";
    public const string Classifier = "classifier";

    /// <summary>A quote a language model proposed and the document was found to contain verbatim.</summary>
    public const string Quote = "quote";
}

/// <summary>Warnings an extraction may carry, as <c>code: message</c>.</summary>
public static class ExtractionWarnings
{
    public const string NoAnswers = "no-answers: no passage answers any of the four guiding questions";
}

/// <summary>Finds the answers to the guiding questions in a layout document; asynchronous, since one extractor asks a remote model.</summary>
public interface IAnswerExtractor
{
    /// <summary>
    /// Names what this extractor produces, and changes whenever that may change. Its reports carry it as
    /// <see cref="ExtractedReport.Extractor"/> (another extractor's when one answered in its place), which is stored with every
    /// submission: answers are keyed by content and extractor, and <c>reprocess --stale</c> finds reports extracted by another.
    /// </summary>
    string Version { get; }

    Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken);
}
