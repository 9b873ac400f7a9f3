namespace ReportPipeline.Core.Review;

/// <summary>Who put a passage under a question: the extractor, an analyst, or the state itself.</summary>
public static class PassageSources
{
    public const string Machine = "machine";
    public const string Analyst = "analyst";
    public const string State = "state";
}
