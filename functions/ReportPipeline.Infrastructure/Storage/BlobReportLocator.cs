using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>Reports lie in the reports container under their blob name.</summary>
public sealed class BlobReportLocator : IReportLocator
{
    public string Locate(string blobName) => $"{StorageNames.ReportsContainer}/{blobName}";
}
