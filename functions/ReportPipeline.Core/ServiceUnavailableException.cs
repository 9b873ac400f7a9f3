namespace ReportPipeline.Core;

/// <summary>
/// A service the pipeline depends on failed or could not be reached, after its own retries; trying again later may
/// succeed. <see cref="ReasonCode"/> is what the upload's ledger row records (<c>ocr-unavailable</c>, <c>timeout</c>).
/// </summary>
public sealed class ServiceUnavailableException(string reasonCode, string message, Exception innerException) : Exception(message, innerException)
{
    public string ReasonCode { get; } = reasonCode;
}
