using ReportPipeline.Core;

namespace ReportPipeline.Evaluation;

/// <summary>The scores of one report and question: does it answer (detection), and are the right passages found (passage).</summary>
public sealed record CellScore(string File, string Language, Question Question, Score Detection, Score Passage, IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious);
