using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>
/// A language model that proposes quotes answering the guiding questions. It paraphrases and invents, so nothing it
/// says is stored before <see cref="QuoteVerifier"/> has found it, word for word, in the text it was shown.
/// </summary>
public interface IQuoteProposer
{
    /// <summary>False when no endpoint is configured; <see cref="ExtractionMode.Auto"/> then stays local.</summary>
    bool IsConfigured { get; }

    /// <summary>The version of the extractor this proposer makes (<see cref="ExtractorNames.AzureOpenAI"/>).</summary>
    string Name { get; }

    /// <summary>Most tokens one request's prompt may hold, instructions included.</summary>
    int MaxInputTokens { get; }

    /// <summary>The tokens the model would read for <paramref name="text"/>, in its own encoding.</summary>
    int CountTokens(string text);

    /// <summary>The model's quotes for one part of a report; a failure is a <see cref="QuoteProposalException"/>.</summary>
    Task<QuoteProposal> ProposeAsync(QuotePrompt prompt, CancellationToken cancellationToken);
}

/// <summary>What the model is asked: the instructions (system message) and the fenced report text (user message).</summary>
public sealed record QuotePrompt(string Instructions, string Report);

/// <summary>A quote the model placed under a question letter, exactly as it wrote both.</summary>
public sealed record ProposedQuote(string Question, string Quote);

/// <summary>The model's answer to one prompt: its quotes and the tokens spent.</summary>
public sealed record QuoteProposal(IReadOnlyList<ProposedQuote> Quotes, TokenUsage Usage);

/// <summary>Why the model gave no usable answer; each becomes the reason code of the fallback warning on the submission.</summary>
public static class QuoteFailures
{
    /// <summary>The service stayed unreachable, throttled or failing after the retries, or refused our credentials.</summary>
    public const string Unavailable = "openai-unavailable";

    /// <summary>The service's content filter refused the prompt or the answer.</summary>
    public const string ContentFilter = "openai-content-filter";

    /// <summary>The answer was cut at the output limit (<c>finish_reason</c> <c>length</c>).</summary>
    public const string Truncated = "openai-truncated";

    /// <summary>The answer was not the JSON object the contract asks for.</summary>
    public const string BadResponse = "openai-bad-response";

    public static IReadOnlyList<string> All { get; } = [Unavailable, ContentFilter, Truncated, BadResponse];
}

/// <summary>The model gave no usable answer; <see cref="Code"/> is one of <see cref="QuoteFailures"/>.</summary>
public sealed class QuoteProposalException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
