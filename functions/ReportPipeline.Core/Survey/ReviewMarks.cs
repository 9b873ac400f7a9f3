namespace ReportPipeline.Core.Survey;

/// <summary>How the survey marks a state's answers: checked by an analyst, or as the machine extracted them.</summary>
public static class ReviewMarks
{
    public const string Reviewed = "reviewed";
    public const string MachineExtracted = "machine-extracted";
}
