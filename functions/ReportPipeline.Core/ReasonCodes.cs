namespace ReportPipeline.Core;

/// <summary>The short, stable codes a refused report carries; README.md lists them for focal points.</summary>
public static class ReasonCodes
{
    public const string BadPath = "bad-path";
    public const string BadPeriod = "bad-period";
    public const string UnknownState = "unknown-state";
    public const string BadFileName = "bad-file-name";
    public const string Empty = "empty";
    public const string TooLarge = "too-large";
    public const string UnsupportedFormat = "unsupported-format";
    public const string Corrupt = "corrupt";
    public const string Encrypted = "encrypted";
    public const string NeedsOcr = "needs-ocr";
    public const string TooManyPages = "too-many-pages";
    public const string NoText = "no-text";
    public const string BadCredential = "bad-credential";

    /// <summary>The key has been given its fill of upload slots for now (<c>Uploads__MaxSlotsPerHour</c>, <c>Uploads__MaxSlotsPerDay</c>).</summary>
    public const string TooManySlots = "too-many-slots";

    /// <summary>The period is not open for reports (<c>Periods__Open</c>).</summary>
    public const string PeriodClosed = "period-closed";

    /// <summary>Failures, not refusals: the report may be fine and is processed again by <c>reprocess</c>.</summary>
    public const string ProcessingFailed = "processing-failed";
    public const string OcrUnavailable = "ocr-unavailable";
    public const string Timeout = "timeout";
}

/// <summary>
/// A service the pipeline depends on failed or could not be reached, after its own retries; trying again later may
/// succeed. <see cref="ReasonCode"/> is what the upload's ledger row records (<c>ocr-unavailable</c>, <c>timeout</c>).
/// </summary>
public sealed class ServiceUnavailableException(string reasonCode, string message, Exception innerException) : Exception(message, innerException)
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A permanent refusal of a report: retrying the same bytes can never succeed.</summary>
public sealed class ReportRejectedException(string reasonCode, string message) : Exception(message)
{
    public string ReasonCode { get; } = reasonCode;
}
