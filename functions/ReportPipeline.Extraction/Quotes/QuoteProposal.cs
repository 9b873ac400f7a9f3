using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>The model's answer to one prompt: its quotes and the tokens spent.</summary>
public sealed record QuoteProposal(IReadOnlyList<ProposedQuote> Quotes, TokenUsage Usage);
