using System.Globalization;
using System.Security.Cryptography;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Uploads;

/// <summary>
/// Names of slot blobs: <c>{period}/{ISO3}/{yyyyMMddTHHmmssZ}-{random}-{original name}</c>. The time and random
/// parts make every slot a fresh blob, so a create-only SAS can never meet an existing one; the whole name
/// satisfies <see cref="ReportPath"/>, so what a state uploads is what IngestReport accepts.
/// </summary>
public static class UploadSlotRules
{
    /// <summary>Leaves room for the 26-character prefix within <see cref="ReportPath.MaxFileNameLength"/>.</summary>
    public const int MaxOriginalNameLength = 100;

    /// <summary>Null when the name may be used; otherwise why not, in plain words.</summary>
    public static string? ProblemWithFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return "Name the file you are uploading.";
        }

        if (fileName.Length > MaxOriginalNameLength)
        {
            return $"File names may be at most {MaxOriginalNameLength} characters long.";
        }

        if (fileName[0] == '.' || fileName.Contains("..", StringComparison.Ordinal)
            || !fileName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return "File names may use letters, digits, '.', '-' and '_', must not start with '.' and must not contain '..'.";
        }

        return null;
    }

    public static string BlobName(string period, string iso3, string fileName, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{period}/{iso3}/{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{fileName}");
}
