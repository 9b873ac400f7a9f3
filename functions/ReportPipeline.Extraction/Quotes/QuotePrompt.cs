namespace ReportPipeline.Extraction.Quotes;

/// <summary>What the model is asked: the instructions (system message) and the fenced report text (user message).</summary>
public sealed record QuotePrompt(string Instructions, string Report);
