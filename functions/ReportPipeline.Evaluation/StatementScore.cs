namespace ReportPipeline.Evaluation;

/// <summary>Found Y questions against Y questions and answered N questions; P questions count apart.</summary>
public sealed record StatementScore(int Found, int Yes, int NoAnswered, int No, int PartFound, int Part)
{
    public double Precision => Found + NoAnswered == 0 ? 1 : (double)Found / (Found + NoAnswered);

    public double Recall => Yes == 0 ? 1 : (double)Found / Yes;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double NoAnsweredShare => No == 0 ? 0 : (double)NoAnswered / No;

    public static StatementScore Of(IEnumerable<StatementCell> cells)
    {
        var list = cells.ToList();
        return new(
            list.Count(c => c.Label == AnswerLabel.Y && c.Found), list.Count(c => c.Label == AnswerLabel.Y),
            list.Count(c => c.Label == AnswerLabel.N && c.Answered), list.Count(c => c.Label == AnswerLabel.N),
            list.Count(c => c.Label == AnswerLabel.P && c.Found), list.Count(c => c.Label == AnswerLabel.P));
    }
}
