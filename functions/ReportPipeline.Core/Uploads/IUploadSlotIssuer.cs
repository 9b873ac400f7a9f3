using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Uploads;

/// <summary>Issues a URL that can create the report at one path, until <c>expiresOn</c>, and do nothing else.</summary>
public interface IUploadSlotIssuer
{
    Task<Uri> IssueCreateOnlyAsync(ReportPath path, DateTimeOffset expiresOn, CancellationToken cancellationToken);
}
