using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Tests;

/// <summary>Latest upload wins, numbers never change: every placement of <see cref="SubmissionRules.Place"/>.</summary>
public sealed class SubmissionRulesTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static SubmissionRecord Version(string hash, int minutes, string blob = "r.txt", string extractor = "rules-1", int version = 0) =>
        new(Keys.Submission("2026-H1", "KEN"), new string(hash[0], 64), $"2026-H1/KEN/{blob}", "text", "en", 1, QuestionSet.Parse("a"), [],
            s_at.AddMinutes(minutes), s_at, extractor, version);

    [Fact]
    public void Place_FirstReport_CurrentAsVersionOne()
    {
        var plan = SubmissionRules.Place(Version("a", 0), null, 0, []);

        Assert.Equal((Placement.Current, 1), (plan.Placement, plan.Stored.Version));
    }

    [Fact]
    public void Place_LaterUploadOfOtherBytes_CurrentWithTheNextNumber()
    {
        var plan = SubmissionRules.Place(Version("b", 5), Version("a", 0, version: 2), 3, []);

        Assert.Equal((Placement.Current, 4), (plan.Placement, plan.Stored.Version));
    }

    [Fact]
    public void Place_EarlierUploadProcessedLater_HistoryWithTheNextNumber()
    {
        var incoming = Version("a", 0, "scan.pdf");
        var current = Version("b", 2, "text.txt", version: 1);

        Assert.True(SubmissionRules.NeedsHistory(incoming, current));
        var plan = SubmissionRules.Place(incoming, current, 1, []);

        Assert.Equal((Placement.History, 2), (plan.Placement, plan.Stored.Version));
    }

    [Fact]
    public void Place_SameBlobAgainSameExtractor_Unchanged()
    {
        var current = Version("a", 0, version: 1);

        var plan = SubmissionRules.Place(Version("a", 0) with { ReceivedAt = s_at.AddHours(1) }, current, 1, []);

        Assert.Equal((Placement.Unchanged, current), (plan.Placement, plan.Stored));
    }

    [Fact]
    public void Place_CurrentBytesUploadedEarlierUnderAnotherName_Unchanged()
    {
        var current = Version("a", 5, version: 1);

        var plan = SubmissionRules.Place(Version("a", 0, "copy.txt"), current, 1, []);

        Assert.Equal((Placement.Unchanged, current), (plan.Placement, plan.Stored));
    }

    [Fact]
    public void Place_CurrentBytesUploadedAgainLater_ResubmittedKeepingNumberDatedByTheLaterUpload()
    {
        var current = Version("a", 0, version: 3);

        var plan = SubmissionRules.Place(Version("a", 9, "copy.txt") with { ReceivedAt = s_at.AddDays(1) }, current, 4, []);

        Assert.Equal(Placement.Resubmitted, plan.Placement);
        Assert.Equal((3, "2026-H1/KEN/copy.txt", s_at.AddMinutes(9), s_at), (plan.Stored.Version, plan.Stored.BlobName, plan.Stored.UploadedAt, plan.Stored.ReceivedAt));
    }

    [Fact]
    public void Place_UploadBetweenTheCurrentBytesAndTheirResubmissionFinishingLast_History()
    {
        var resubmitted = SubmissionRules.Place(Version("a", 9, "again.txt"), Version("a", 0, version: 1), 1, []).Stored;

        var plan = SubmissionRules.Place(Version("b", 5, "between.txt"), resubmitted, 1, []);

        Assert.Equal((Placement.History, 2), (plan.Placement, plan.Stored.Version));
    }

    [Fact]
    public void Place_SameBlobNewExtractor_ReextractedKeepingNumberBlobAndUploadTime()
    {
        var current = Version("a", 0, extractor: "rules-0", version: 3);

        var plan = SubmissionRules.Place(Version("a", 0) with { Language = "fr", ReceivedAt = s_at.AddDays(1) }, current, 4, []);

        Assert.Equal(Placement.Reextracted, plan.Placement);
        Assert.Equal((3, current.BlobName, current.UploadedAt), (plan.Stored.Version, plan.Stored.BlobName, plan.Stored.UploadedAt));
        Assert.Equal(("rules-1", "fr", s_at.AddDays(1)), (plan.Stored.ExtractorVersion, plan.Stored.Language, plan.Stored.ReceivedAt));
    }

    [Fact]
    public void Place_CurrentBytesUploadedAgainLaterNewExtractor_ReextractedDatedByTheLaterUpload()
    {
        var plan = SubmissionRules.Place(Version("a", 9, "copy.txt"), Version("a", 0, extractor: "rules-0", version: 3), 4, []);

        Assert.Equal((Placement.Reextracted, 3, "2026-H1/KEN/copy.txt", "rules-1"),
            (plan.Placement, plan.Stored.Version, plan.Stored.BlobName, plan.Stored.ExtractorVersion));
    }

    [Fact]
    public void Place_EarlierUploadOfAHistoryVersionsBytes_ThatVersionUnchangedOrReextracted()
    {
        var history = Version("a", 0, extractor: "rules-0", version: 1);
        var current = Version("b", 5, version: 2);

        var same = SubmissionRules.Place(Version("a", 1, "again.txt", extractor: "rules-0"), current, 2, [history]);
        var newer = SubmissionRules.Place(Version("a", 1, "again.txt"), current, 2, [history]);

        Assert.Equal((Placement.Unchanged, 1), (same.Placement, same.Stored.Version));
        Assert.Equal((Placement.Reextracted, 1, "rules-1"), (newer.Placement, newer.Stored.Version, newer.Stored.ExtractorVersion));
    }

    [Fact]
    public void Place_LaterUploadOfAHistoryVersionsBytes_ANewCurrentVersion()
    {
        var plan = SubmissionRules.Place(Version("a", 9, "again.txt"), Version("b", 5, version: 2), 2, [Version("a", 0, version: 1)]);

        Assert.Equal((Placement.Current, 3), (plan.Placement, plan.Stored.Version));
    }

    [Fact]
    public void IsSameSave_OnlyTheSameBlobStoredAtTheSameInstant()
    {
        var stored = Version("a", 0, version: 1);

        Assert.True(SubmissionRules.IsSameSave(stored, Version("a", 0)));
        Assert.False(SubmissionRules.IsSameSave(stored, Version("a", 0) with { ReceivedAt = s_at.AddTicks(1) }));
        Assert.False(SubmissionRules.IsSameSave(stored, Version("a", 0, "copy.txt")));
    }

    [Fact]
    public void IsLaterUpload_SameSecond_TheBlobNameDecidesWhateverTheOrder()
    {
        var a = Version("a", 0, "20261101T090000Z-aaaa-r.txt");
        var b = Version("b", 0, "20261101T090000Z-bbbb-r.txt");

        Assert.True(SubmissionRules.IsLaterUpload(b, a));
        Assert.False(SubmissionRules.IsLaterUpload(a, b));
        Assert.Equal([a, b], SubmissionRules.InUploadOrder([b, a]));
    }
}
