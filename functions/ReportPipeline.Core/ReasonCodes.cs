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
}

/// <summary>A permanent refusal of a report: retrying the same bytes can never succeed.</summary>
public sealed class ReportRejectedException(string reasonCode, string message) : Exception(message)
{
    public string ReasonCode { get; } = reasonCode;
}
