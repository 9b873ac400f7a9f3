namespace ReportPipeline.Core.Reports;

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

    /// <summary>The version of the extractor that answered (<see cref="IAnswerExtractor.ExtractorVersion"/>), stored with the submission.</summary>
    public required string ExtractorVersion { get; init; }

    /// <summary>Quotes a language model proposed that the document does not contain word for word: dropped, and counted here.</summary>
    public int QuotesRejected { get; init; }

    /// <summary>Tokens a language model read and wrote for this report; none for the local extractor.</summary>
    public TokenUsage Usage { get; init; } = TokenUsage.None;

    /// <summary>The passages the learned model ranks best per question, answers or not, for review; none from a language model.</summary>
    public IReadOnlyList<RankedPassage> Candidates { get; init; } = [];
}
