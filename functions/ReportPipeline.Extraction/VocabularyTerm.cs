namespace ReportPipeline.Extraction;

/// <summary>A vocabulary term: the folded text to find, what it signals, and how strongly.</summary>
public sealed record VocabularyTerm(string Text, Cue Cue, double Weight);
