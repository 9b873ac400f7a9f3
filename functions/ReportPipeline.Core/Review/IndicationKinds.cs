namespace ReportPipeline.Core.Review;

/// <summary>What a state's indication says: a paragraph answers a question, or a machine passage does not.</summary>
public static class IndicationKinds
{
    public const string Point = "point";
    public const string Withdraw = "withdraw";
}
