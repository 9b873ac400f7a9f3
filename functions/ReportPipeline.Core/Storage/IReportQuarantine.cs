using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Storage;

/// <summary>Keeps a copy of a refused report, with the reason, beside the original.</summary>
public interface IReportQuarantine
{
    Task QuarantineAsync(UploadKey upload, ReadOnlyMemory<byte> content, string reasonCode, string message, CancellationToken cancellationToken);
}
