using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>
/// The Document Intelligence resource and how patiently to use it (app settings <c>DocumentIntelligence__*</c>); its endpoint
/// is e.g. https://name.cognitiveservices.azure.com, and empty disables OCR.
/// </summary>
public sealed class DocumentIntelligenceOptions : AzureServiceOptions
{
    public const string SectionName = "DocumentIntelligence";

    public const string V4 = "2024-11-30";

    public const string V31 = "2023-07-31";

    /// <summary>A whole analysis (submit, every poll and resubmissions) is the operation <see cref="AzureServiceOptions.TotalTimeout"/> bounds.</summary>
    public DocumentIntelligenceOptions() => TotalTimeout = TimeSpan.FromMinutes(4);

    [RegularExpression("^(2024-11-30|2023-07-31)$")]
    public string ApiVersion { get; set; } = V4;

    [RegularExpression("^[a-zA-Z0-9][a-zA-Z0-9._~-]{1,63}$")]
    public string ModelId { get; set; } = "prebuilt-layout";

    /// <summary>Poll interval when the service sends no Retry-After; S0 allows 50 polls a second per resource, F0 one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Shortest poll interval, whatever Retry-After says.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Resubmissions after an expired operation or a failed one with InternalServerError.</summary>
    [Range(0, 5)]
    public int MaxResubmits { get; set; } = 2;
}
