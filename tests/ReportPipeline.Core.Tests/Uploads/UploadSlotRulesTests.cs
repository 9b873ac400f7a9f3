using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
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
    public void BlobName_LongestAllowedName_IsAValidReportPathOfTheState()
    {
        var now = new DateTimeOffset(2026, 11, 26, 21, 5, 57, TimeSpan.Zero);
        var name = new string('r', UploadSlotRules.MaxOriginalNameLength - 4) + ".pdf";

        var blobName = UploadSlotRules.BlobName("2026-H1", "FRA", name, now);

        Assert.True(ReportPath.TryParse(blobName, MemberStateRegistry.LoadEmbedded(), out var path, out var problem), problem?.Message);
        Assert.Equal("FRA", path!.State.Iso3);
        Assert.StartsWith("2026-H1/FRA/20261126T210557Z-", blobName, StringComparison.Ordinal);
        Assert.EndsWith("-" + name, blobName, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobName_SameInstant_IsFreshEachTime()
    {
        var now = new DateTimeOffset(2026, 11, 26, 21, 5, 57, TimeSpan.Zero);

        Assert.NotEqual(UploadSlotRules.BlobName("2026", "FRA", "a.pdf", now), UploadSlotRules.BlobName("2026", "FRA", "a.pdf", now));
    }
}
