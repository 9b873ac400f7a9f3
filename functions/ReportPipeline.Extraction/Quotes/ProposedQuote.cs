namespace ReportPipeline.Extraction.Quotes;

/// <summary>A quote the model placed under a question letter, exactly as it wrote both.</summary>
public sealed record ProposedQuote(string Question, string Quote);
