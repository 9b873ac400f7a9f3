using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Core.Ingestion;

/// <summary>Limits applied to every uploaded report (app settings <c>Ingestion__*</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest report accepted, in bytes (default 50 MiB).</summary>
    [Range(1, 500L * 1024 * 1024)]
    public long MaxReportBytes { get; set; } = 50L * 1024 * 1024;
}
