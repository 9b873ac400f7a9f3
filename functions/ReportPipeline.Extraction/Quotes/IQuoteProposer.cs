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

    /// <summary>The version of the extractor this proposer makes (<see cref="ExtractorVersions.AzureOpenAI"/>).</summary>
    string ExtractorVersion { get; }

    /// <summary>Most tokens one request's prompt may hold, instructions included.</summary>
    int MaxInputTokens { get; }

    /// <summary>The tokens the model would read for <paramref name="text"/>, in its own encoding.</summary>
    int CountTokens(string text);

    /// <summary>The model's quotes for one part of a report; a failure is a <see cref="QuoteProposalException"/>.</summary>
    Task<QuoteProposal> ProposeAsync(QuotePrompt prompt, CancellationToken cancellationToken);
}
