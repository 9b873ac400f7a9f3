using ReportPipeline.Core;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>The model gave no usable answer; <see cref="Code"/> is one of <see cref="ReasonCodes.OpenAIFailures"/>.</summary>
public sealed class QuoteProposalException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
