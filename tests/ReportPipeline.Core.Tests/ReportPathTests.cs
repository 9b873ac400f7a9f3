using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core.Tests;

public sealed class ReportPathTests
{
    private static readonly MemberStateRegistry s_states = MemberStateRegistry.LoadEmbedded();

    [Theory]
    [InlineData("2026/FRA/report.pdf")]
    [InlineData("2026-H1/CHN/statement-zh.txt")]
    [InlineData("2026-Q3/EGY/r_1.docx")]
    public void TryParse_ValidName_Parses(string blobName)
    {
        Assert.True(ReportPath.TryParse(blobName, s_states, out var path, out _));
        Assert.Equal(blobName, path!.BlobName);
    }

    [Theory]
    [InlineData("2026/VAT/report.pdf", ReasonCodes.UnknownState)]
    [InlineData("2026/fra/report.pdf", ReasonCodes.UnknownState)]
    [InlineData("26/FRA/report.pdf", ReasonCodes.BadPeriod)]
    [InlineData("2026-H3/FRA/report.pdf", ReasonCodes.BadPeriod)]
    [InlineData("2026-Q5/FRA/report.pdf", ReasonCodes.BadPeriod)]
    [InlineData("2026/FRA/.hidden", ReasonCodes.BadFileName)]
    [InlineData("2026/FRA/a b.pdf", ReasonCodes.BadFileName)]
    [InlineData("2026/FRA/x/../y.pdf", ReasonCodes.BadPath)]
    [InlineData("2026/report.pdf", ReasonCodes.BadPath)]
    public void TryParse_BadName_NamesTheReason(string blobName, string reason)
    {
        Assert.False(ReportPath.TryParse(blobName, s_states, out _, out var rejection));
        Assert.Equal(reason, rejection!.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
    }
}
