namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// An upload as its state's portal shows it: the ledger's word and, once accepted, the report's language, the passages
/// found for each question (what CTED will read) and the questions with no answer found.
/// </summary>
public sealed record UploadFindings(UploadStatus Upload, string? Language, IReadOnlyList<FoundPassage> Passages, QuestionSet? Unanswered);
