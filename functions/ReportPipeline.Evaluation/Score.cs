namespace ReportPipeline.Evaluation;

/// <summary>Precision, recall and F1 from counts; an empty denominator scores 1 (nothing to find, nothing wrongly found).</summary>
public sealed record Score(int Correct, int Predicted, int Found, int Expected)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score x, Score y) =>
        new(x.Correct + y.Correct, x.Predicted + y.Predicted, x.Found + y.Found, x.Expected + y.Expected);

    public static Score Zero { get; } = new(0, 0, 0, 0);
}
