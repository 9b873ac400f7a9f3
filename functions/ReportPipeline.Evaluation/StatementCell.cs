using ReportPipeline.Core;

namespace ReportPipeline.Evaluation;

/// <summary>
/// One case and question of a statement set: its label, whether a labelled quote lies inside the text extracted for the
/// question, how many characters were extracted, and the answers given with their confidence and whether each holds a quote.
/// </summary>
public sealed record StatementCell(string Case, int Number, string Language, Question Question, AnswerLabel Label, bool Found, int AnsweredCharacters,
    IReadOnlyList<(double Confidence, bool HoldsQuote)> Answers)
{
    /// <summary>Fewer characters than this on an N question are noise, not an answer.</summary>
    public const int AnswerFloor = 30;

    public bool Answered => AnsweredCharacters >= AnswerFloor;

    /// <summary>A quote lies inside an answer or one of the question's ranked candidates (recall@3 counts these).</summary>
    public bool FoundInCandidates { get; init; }
}
