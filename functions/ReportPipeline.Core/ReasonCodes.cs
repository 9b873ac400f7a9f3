namespace ReportPipeline.Core;

/// <summary>
/// Every error code the pipeline gives, and the only place one is written: why an upload was refused or failed, why the
/// HTTP API said no, why the Azure OpenAI extractor fell back, why a CLI command could not read a file. Codes are short,
/// stable and never translated; the portal explains each one a focal point can meet (<see cref="Portal"/>) in six languages.
/// </summary>
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

    /// <summary>The HTTP API: a request it cannot read, a page or survey edition that does not exist, a caller it does not let in.</summary>
    public const string BadRequest = "bad-request";
    public const string NotFound = "not-found";
    public const string NoSurvey = "no-survey";
    public const string NotSignedIn = "not-signed-in";
    public const string MissingRole = "missing-role";

    /// <summary>Staff sign-in is closed on this deployment: no app registration, App Service Authentication off, or the local user's mode in Azure.</summary>
    public const string StaffSignInOff = "staff-sign-in-off";

    /// <summary>A state-changing staff request sent by a page of another origin.</summary>
    public const string CrossOrigin = "cross-origin";

    /// <summary>Upload keys on the staff desk: an expiry that is not a future time, or a key id nobody issued.</summary>
    public const string BadExpiry = "bad-expiry";
    public const string UnknownKey = "unknown-key";

    /// <summary>Azure OpenAI stayed unreachable, throttled or failing after the retries, or refused our credentials.</summary>
    public const string OpenAIUnavailable = "openai-unavailable";

    /// <summary>The service's content filter refused the prompt or the answer.</summary>
    public const string OpenAIContentFilter = "openai-content-filter";

    /// <summary>The answer was cut at the output limit (<c>finish_reason</c> <c>length</c>).</summary>
    public const string OpenAITruncated = "openai-truncated";

    /// <summary>The answer was not the JSON object the contract asks for.</summary>
    public const string OpenAIBadResponse = "openai-bad-response";

    /// <summary>The report would take more of the model than one report may (<c>Extraction__MaxModelTokensPerReport</c>); nothing was sent.</summary>
    public const string OpenAIOverBudget = "openai-over-budget";

    /// <summary>The CLI could not read a file for a reason of the machine's (I/O, network, a remote service), not the document's.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>A bug of ours met while a CLI command read a file.</summary>
    public const string InternalError = "internal-error";

    /// <summary>Review: another decision or indication on the same report was stored first (for a state: an analyst's); this one was not.</summary>
    public const string ReviewConflict = "review-conflict";

    /// <summary>A state's indication: another indication of the same state on the same report was stored first; this one was not.</summary>
    public const string IndicationConflict = "indication-conflict";

    /// <summary>Review: the state has no current report for the period, or its stored report is gone.</summary>
    public const string NoReport = "no-report";
    public const string ReportMissing = "report-missing";

    /// <summary>Review: the decision names a passage or paragraph the report does not hold, or no question, or the passage's own.</summary>
    public const string UnknownPassage = "unknown-passage";
    public const string UnknownParagraph = "unknown-paragraph";
    public const string QuestionRequired = "question-required";
    public const string SameQuestion = "same-question";
    public const string NoteTooLong = "note-too-long";

    /// <summary>Review API: the body is not a decision, or a question is not a-d.</summary>
    public const string BadDecision = "bad-decision";
    public const string BadQuestion = "bad-question";

    /// <summary>A state's indication: the report it was made on is no longer the current one.</summary>
    public const string ReportNotCurrent = "report-not-current";

    /// <summary>A state's indication: the paragraph is already under the question, or the passage already withdrawn.</summary>
    public const string AlreadyIndicated = "already-indicated";

    /// <summary>A state's indication: the report holds as many as one report may (<c>StateIndicationService.MaxIndications</c>).</summary>
    public const string TooManyIndications = "too-many-indications";

    /// <summary>Passage search: no words to find, or too many.</summary>
    public const string EmptyQuery = "empty-query";
    public const string QueryTooLong = "query-too-long";

    /// <summary>The codes a focal point can meet in the portal: refusals and failures of an upload, the upload API's own, and those of its indications.</summary>
    public static IReadOnlyList<string> Portal { get; } =
    [
        BadPath, BadPeriod, UnknownState, BadFileName, Empty, TooLarge, UnsupportedFormat, Corrupt, Encrypted, NeedsOcr, TooManyPages,
        NoText, BadCredential, TooManySlots, PeriodClosed, ProcessingFailed, OcrUnavailable, Timeout, BadRequest,
        NoReport, ReportMissing, ReportNotCurrent, UnknownParagraph, UnknownPassage, BadQuestion, AlreadyIndicated, TooManyIndications, ReviewConflict, IndicationConflict, CrossOrigin,
    ];

    /// <summary>Why the model gave no usable answer: each becomes the reason code of the fallback warning on the submission.</summary>
    public static IReadOnlyList<string> OpenAIFailures { get; } = [OpenAIUnavailable, OpenAIContentFilter, OpenAITruncated, OpenAIBadResponse, OpenAIOverBudget];
}
