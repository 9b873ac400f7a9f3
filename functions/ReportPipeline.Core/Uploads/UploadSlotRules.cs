using System.Globalization;
using System.Security.Cryptography;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Uploads;

/// <summary>
/// Names of slot blobs: <c>{period}/{ISO3}/{yyyyMMddTHHmmssZ}-{random}-{original name}</c>. The time and random
/// parts make every slot a fresh blob, so a create-only SAS can never meet an existing one; the name is a
/// <see cref="ReportPath"/>, so what a state uploads is what IngestReport accepts.
/// </summary>
public static class UploadSlotRules
{
    /// <summary>Leaves room for the 26-character prefix within <see cref="ReportPath.MaxFileNameLength"/>.</summary>
    public const int MaxOriginalNameLength = 100;

    /// <summary>Null when the name may be used; otherwise why not, in plain words.</summary>
    public static string? ProblemWithFileName(string? fileName) => ReportPath.FileNameProblem(fileName, MaxOriginalNameLength);

    public static ReportPath SlotPath(SubmissionKey submission, string fileName, DateTimeOffset now) =>
        new(submission, string.Create(CultureInfo.InvariantCulture,
            $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{fileName}"));
}
