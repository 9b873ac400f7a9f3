using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Tests;

public sealed class ReportPathTests
{
    [Theory]
    [InlineData("2026/FRA/report.pdf")]
    [InlineData("2026-H1/CHN/statement-zh.txt")]
    [InlineData("2026-Q3/EGY/r_1.docx")]
    public void Read_ValidName_ParsesKeysOnce(string blobName)
    {
        var name = ReportPath.Read(blobName, Keys.States);

        Assert.Null(name.Problem);
        Assert.Equal(blobName, name.Path!.BlobName);
        Assert.Equal(blobName.Split('/')[1], name.Path.Submission.State.Iso3);
        Assert.Equal(name.Path.Upload, name.Key);
    }

    [Theory]
    [InlineData("2026/VAT/report.pdf", ReasonCodes.UnknownState, "2026", "VAT")]
    [InlineData("2026/fra/report.pdf", ReasonCodes.UnknownState, "2026", "FRA")]
    [InlineData("26/FRA/report.pdf", ReasonCodes.BadPeriod, UploadKey.Unfiled, "FRA")]
    [InlineData("2026-H3/FRA/report.pdf", ReasonCodes.BadPeriod, UploadKey.Unfiled, "FRA")]
    [InlineData("2026-Q5/FRA/report.pdf", ReasonCodes.BadPeriod, UploadKey.Unfiled, "FRA")]
    [InlineData("2026/FRA/.hidden", ReasonCodes.BadFileName, "2026", "FRA")]
    [InlineData("2026/FRA/a b.pdf", ReasonCodes.BadFileName, "2026", "FRA")]
    [InlineData("2026/FRA/x/../y.pdf", ReasonCodes.BadPath, "2026", "FRA")]
    [InlineData("2026/report.pdf", ReasonCodes.BadPath, "2026", "REPORTPD")]
    [InlineData("report.pdf", ReasonCodes.BadPath, UploadKey.Unfiled, "UNKNOWN")]
    [InlineData("2026/../x.pdf", ReasonCodes.UnknownState, "2026", "UNKNOWN")]
    public void Read_BadName_NamesTheReasonAndStillFilesTheUpload(string blobName, string reason, string period, string state)
    {
        var name = ReportPath.Read(blobName, Keys.States);

        Assert.Null(name.Path);
        Assert.Equal(reason, name.Problem!.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(name.Problem.Message));
        Assert.Equal((period, state, blobName), (name.Key.PeriodName, name.Key.State, name.Key.BlobName));
    }

    [Fact]
    public void FileNameProblem_LongestAllowedName_IsNullOneMoreIsExplained()
    {
        Assert.Null(ReportPath.FileNameProblem(new string('a', ReportPath.MaxFileNameLength), ReportPath.MaxFileNameLength));
        Assert.Contains("at most 128", ReportPath.FileNameProblem(new string('a', ReportPath.MaxFileNameLength + 1), ReportPath.MaxFileNameLength));
    }
}
