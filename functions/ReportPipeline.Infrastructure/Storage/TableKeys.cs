using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Partition and row keys of the pipeline's tables, made from the domain's keys and checked against the service's
/// forbidden characters and size. Tables are partitioned by period, so a survey reads two partitions.
/// </summary>
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

    public static string Partition(Period period) => Checked(period.Value);

    /// <summary>Uploads: the period named (or <see cref="UploadKey.Unfiled"/>), then the state named and a hash of the whole blob name.</summary>
    public static (string Partition, string Row) Upload(UploadKey key) =>
        (Checked(key.PeriodName), Checked($"{key.State}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.BlobName)))[..16]}"));

    /// <summary>Submissions: a state's current report under its ISO3 code.</summary>
    public static (string Partition, string Row) Submission(SubmissionKey key) => (Partition(key.Period), Checked(key.State.Iso3));

    /// <summary>Submissions: a superseded version under <c>{ISO3}_v{version:0000}</c>, so a state's versions sort together and in order.</summary>
    public static string SubmissionHistory(SubmissionKey key, int version) => Checked($"{key.State.Iso3}_v{version:0000}");

    /// <summary>The range of row keys <see cref="SubmissionHistory"/> gives a state: from the first (inclusive) to the end (exclusive).</summary>
    public static (string From, string To) SubmissionHistoryRange(SubmissionKey key) => ($"{key.State.Iso3}_v", $"{key.State.Iso3}_w");

    public static string Answer(SubmissionRecord version, Question question, int sequence) =>
        Checked($"{AnswerPrefix(version)}{question}_{sequence.ToString("000", CultureInfo.InvariantCulture)}");

    /// <summary>
    /// Answers: the prefix every row of one extraction shares, <c>{ISO3}_{first 16 hex digits of the content hash}.{8 hex digits
    /// of the extractor version's hash}_</c>, so the same bytes extracted by two extractors never share a row, whatever
    /// characters an extractor's name holds. Versions stored before extractors were recorded keep <c>{ISO3}_{hash}_</c>, a
    /// range no extractor's rows fall in.
    /// </summary>
    public static string AnswerPrefix(SubmissionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var hash = version.ContentHash;
        if (hash.Length < 16 || hash.AsSpan(0, 16).ContainsAnyExcept("0123456789abcdef"))
        {
            throw new ArgumentException($"'{hash}' is not a lower-case hex content hash.", nameof(version));
        }

        var state = Checked(version.Key.State.Iso3);
        return version.ExtractorVersion.Length == 0
            ? $"{state}_{hash[..16]}_"
            : $"{state}_{hash[..16]}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version.ExtractorVersion)))[..8]}_";
    }

    /// <summary>The row keys of one extraction's answers: from its prefix (inclusive) to the end (exclusive); '`' follows '_'.</summary>
    public static (string From, string To) AnswerRange(SubmissionRecord version)
    {
        var prefix = AnswerPrefix(version);
        return (prefix, prefix[..^1] + "`");
    }

    /// <summary>Reviews: the head row of one report's review, <c>{ISO3}_{first 16 hex digits of the content hash}</c>; its decisions follow it.</summary>
    public static string Review(SubmissionKey key, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (contentHash.Length < 16 || contentHash.AsSpan(0, 16).ContainsAnyExcept("0123456789abcdef"))
        {
            throw new ArgumentException($"'{contentHash}' is not a lower-case hex content hash.", nameof(contentHash));
        }

        return Checked($"{key.State.Iso3}_{contentHash[..16]}");
    }

    /// <summary>Reviews: a decision row, <c>{head}_{revision:000000}</c>, so a review's decisions sort in the order they were taken.</summary>
    public static string ReviewDecision(SubmissionKey key, string contentHash, int revision) =>
        Checked($"{Review(key, contentHash)}_{revision.ToString("000000", CultureInfo.InvariantCulture)}");

    /// <summary>Reviews: one report's head and decision rows, from the head (inclusive) to the end (exclusive); '`' follows '_'.</summary>
    public static (string From, string To) ReviewRange(SubmissionKey key, string contentHash)
    {
        var head = Review(key, contentHash);
        return (head, head + "`");
    }

    /// <summary>Reviews: every row of one state's reviews in the period, heads and decisions, from <c>{ISO3}_</c> (inclusive) to <c>{ISO3}`</c> (exclusive).</summary>
    public static (string From, string To) ReviewStateRange(SubmissionKey key) => (Checked($"{key.State.Iso3}_"), Checked($"{key.State.Iso3}`"));

    /// <summary>Uploads: the range of one state's rows, as the blob names it.</summary>
    public static (string From, string To) UploadRange(string state) => (Checked($"{state}_"), Checked($"{state}`"));

    /// <summary>Newest first: a range scan of a partition returns the latest row first.</summary>
    public static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
