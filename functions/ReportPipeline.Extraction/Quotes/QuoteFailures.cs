namespace ReportPipeline.Extraction.Quotes;

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
