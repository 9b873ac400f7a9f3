using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core.Ingestion;

/// <summary>A valid report blob name, <c>{period}/{ISO3}/{file}</c>: whose report for which period, and its file name.</summary>
public sealed record ReportPath(SubmissionKey Submission, string FileName)
{
    public const int MaxFileNameLength = 128;

    private const string UnknownState = "UNKNOWN";

    public string BlobName => $"{Submission.Period}/{Submission.State.Iso3}/{FileName}";

    public UploadKey Upload => new(Submission.Period, Submission.State.Iso3, BlobName);

    /// <summary>
    /// Null when <paramref name="fileName"/> may name a report file of at most <paramref name="maxLength"/> characters;
    /// otherwise why not, in plain words.
    /// </summary>
    public static string? FileNameProblem(string? fileName, int maxLength)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return "Name the file you are uploading.";
        }

        if (fileName.Length > maxLength)
        {
            return $"File names may be at most {maxLength} characters long.";
        }

        return fileName[0] == '.' || fileName.Contains("..", StringComparison.Ordinal) || !fileName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? "File names may use letters, digits, '.', '-' and '_', must not start with '.' and must not contain '..'."
            : null;
    }

    /// <summary>Reads a blob name once: the upload's ledger key always, and its path when it is a valid report name.</summary>
    public static UploadName Read(string blobName, MemberStateRegistry states)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var parts = blobName.Split('/');
        var period = parts.Length > 1 && Period.TryParse(parts[0], out var named) ? named : null;
        var state = parts.Length > 1 ? new string([.. parts[1].Where(char.IsAsciiLetterOrDigit).Take(8)]).ToUpperInvariant() : "";
        var key = new UploadKey(period, state.Length > 0 ? state : UnknownState, blobName);
        if (parts.Length != 3)
        {
            return new(key, null, new(ReasonCodes.BadPath, $"A report must be uploaded as {{period}}/{{ISO3}}/{{file}}; '{Display(blobName)}' has {parts.Length} part(s)."));
        }

        if (period is null)
        {
            return new(key, null, new(ReasonCodes.BadPeriod, $"'{Display(parts[0])}' is not a reporting period; use {Period.Rule}."));
        }

        if (!states.TryGet(parts[1], out var memberState))
        {
            return new(key, null, new(ReasonCodes.UnknownState, $"'{Display(parts[1])}' is not the ISO 3166 alpha-3 code of a UN Member State."));
        }

        if (FileNameProblem(parts[2], MaxFileNameLength) is { } problem)
        {
            return new(key, null, new(ReasonCodes.BadFileName, problem));
        }

        return new(key, new ReportPath(new SubmissionKey(period, memberState), parts[2]), null);
    }

    private static string Display(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
