namespace ReportPipeline.Core;

/// <summary>A permanent refusal of a report: retrying the same bytes can never succeed.</summary>
public sealed class ReportRejectedException(string reasonCode, string message) : Exception(message)
{
    public string ReasonCode { get; } = reasonCode;
}
