namespace ReportPipeline.Core.Review;

/// <summary>A review request that cannot be carried out, with a reason code and the reason in plain words.</summary>
public sealed class ReviewRefusedException(string reasonCode, string message) : Exception(message)
{
    public string ReasonCode { get; } = reasonCode;
}
