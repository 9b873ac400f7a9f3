namespace ReportPipeline.Core.Storage;

/// <summary>Where a stored report lies, relative to the storage account, as the survey cites its sources.</summary>
public interface IReportLocator
{
    string Locate(string blobName);
}
