using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Core.Tests.Uploads;

public sealed class UploadSlotRulesTests
{
    [Theory]
    [InlineData("report.pdf")]
    [InlineData("FRA_2026-H1.reply.docx")]
    [InlineData("a")]
    public void ProblemWithFileName_SafeName_IsNull(string name) => Assert.Null(UploadSlotRules.ProblemWithFileName(name));

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../CHN/report.pdf")]
    [InlineData("a..b.pdf")]
    [InlineData("CHN/report.pdf")]
    [InlineData("..\\report.pdf")]
    [InlineData(".hidden")]
    [InlineData("report\u0000.pdf")]
    [InlineData("report\n.pdf")]
    [InlineData("rapport été.pdf")]
    [InlineData("report%2F.pdf")]
    [InlineData("report?.pdf")]
    public void ProblemWithFileName_OddName_IsExplained(string name) => Assert.NotNull(UploadSlotRules.ProblemWithFileName(name));

    [Fact]
    public void ProblemWithFileName_TooLong_IsExplained()
    {
        Assert.Null(UploadSlotRules.ProblemWithFileName(new string('a', UploadSlotRules.MaxOriginalNameLength)));
        Assert.NotNull(UploadSlotRules.ProblemWithFileName(new string('a', UploadSlotRules.MaxOriginalNameLength + 1)));
    }

    [Fact]
    public void SlotPath_LongestAllowedName_IsAValidReportPathOfTheState()
    {
        var now = new DateTimeOffset(2026, 11, 26, 21, 5, 57, TimeSpan.Zero);
        var name = new string('r', UploadSlotRules.MaxOriginalNameLength - 4) + ".pdf";

        var blobName = UploadSlotRules.SlotPath(Keys.Submission("2026-H1", "FRA"), name, now).BlobName;

        var read = ReportPath.Read(blobName, Keys.States);
        Assert.Null(read.Problem);
        Assert.Equal("FRA", read.Path!.Submission.State.Iso3);
        Assert.StartsWith("2026-H1/FRA/20261126T210557Z-", blobName, StringComparison.Ordinal);
        Assert.EndsWith("-" + name, blobName, StringComparison.Ordinal);
    }

    [Fact]
    public void SlotPath_SameInstant_IsFreshEachTime()
    {
        var now = new DateTimeOffset(2026, 11, 26, 21, 5, 57, TimeSpan.Zero);
        var key = Keys.Submission("2026", "FRA");

        Assert.NotEqual(UploadSlotRules.SlotPath(key, "a.pdf", now), UploadSlotRules.SlotPath(key, "a.pdf", now));
    }
}
