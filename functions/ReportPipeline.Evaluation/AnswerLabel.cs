namespace ReportPipeline.Evaluation;

/// <summary>How a labelled statement answers one question: Y answers it, P in part, N not at all.</summary>
public enum AnswerLabel
{
    Y,
    P,
    N,
}
