using System.Security.Cryptography;
using System.Text;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>Deterministic Table Storage keys, checked against the service's forbidden characters and size.</summary>
public static class TableKeys
{
    private const int MaxKeyBytes = 1024;

    public static string Checked(string key)
    {
        if (key.Length == 0 || Encoding.UTF8.GetByteCount(key) > MaxKeyBytes
            || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"'{key}' cannot be a Table Storage key.", nameof(key));
        }

        return key;
    }

    public static string Upload(string state, string blobName) =>
        Checked($"{state}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..16]}");

    public static string Answer(string iso3, string contentHash, char question, int sequence) =>
        Checked($"{AnswerPrefix(iso3, contentHash)}{question}_{sequence:000}");

    public static string AnswerPrefix(string iso3, string contentHash)
    {
        if (contentHash.Length < 16 || contentHash.AsSpan(0, 16).ContainsAnyExcept("0123456789abcdef"))
        {
            throw new ArgumentException($"'{contentHash}' is not a lower-case hex content hash.", nameof(contentHash));
        }

        return $"{Checked(iso3)}_{contentHash[..16]}_";
    }

    public static string SubmissionHistory(string iso3, int version) => Checked($"{iso3}_v{version:0000}");

    /// <summary>Newest first: a range scan of a partition returns the latest row first.</summary>
    public static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
