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

    /// <summary>The period is not open for reports (<c>Periods__Open</c>).</summary>
    public const string PeriodClosed = "period-closed";

    /// <summary>Failures, not refusals: the report may be fine and is processed again by <c>reprocess</c>.</summary>
    public const string ProcessingFailed = "processing-failed";
    public const string OcrUnavailable = "ocr-unavailable";
    public const string Timeout = "timeout";
}
