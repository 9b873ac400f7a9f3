namespace ReportPipeline.Core.Review;

/// <summary>
/// How the machine fared against the analysts for one language and question, over reviewed reports: of the machine's passages
/// decided, how many were accepted (<see cref="Precision"/>), and of the passages accepted, how many the machine had found (<see cref="Recall"/>).
/// </summary>
public sealed record AgreementCell(string Language, Question Question, int MachineDecided, int MachineAccepted, int Accepted)
{
    public double? Precision => MachineDecided == 0 ? null : Math.Round((double)MachineAccepted / MachineDecided, 2);

    public double? Recall => Accepted == 0 ? null : Math.Round((double)MachineAccepted / Accepted, 2);
}
