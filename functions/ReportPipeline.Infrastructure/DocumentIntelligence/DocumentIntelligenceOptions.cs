using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>The Document Intelligence resource and how patiently to use it (app settings <c>DocumentIntelligence__*</c>).</summary>
public sealed class DocumentIntelligenceOptions : HttpRequestResilienceOptions
{
    public const string SectionName = "DocumentIntelligence";

    public const string V4 = "2024-11-30";

    public const string V31 = "2023-07-31";

    /// <summary>The resource endpoint, e.g. https://name.cognitiveservices.azure.com; empty disables OCR.</summary>
    public string? Endpoint { get; set; }

    [RegularExpression("^(2024-11-30|2023-07-31)$")]
    public string ApiVersion { get; set; } = V4;

    /// <summary>A resource key; without one the client uses a Microsoft Entra token.</summary>
    public string? Key { get; set; }

    /// <summary>Client id of the user-assigned managed identity; without one, DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [RegularExpression("^[a-zA-Z0-9][a-zA-Z0-9._~-]{1,63}$")]
    public string ModelId { get; set; } = "prebuilt-layout";

    /// <summary>Poll interval when the service sends no Retry-After; S0 allows 50 polls a second per resource, F0 one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Shortest poll interval, whatever Retry-After says.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bound on a whole analysis: submit, every poll and resubmissions.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Pages of one document the service is asked to read (its <c>pages</c> parameter, <c>1-N</c>): it bills per page analysed, so a
    /// leaked key's thousand-page scan costs no more than this. A report's annexes past it go unread.
    /// </summary>
    [Range(1, 2000)]
    public int MaxPages { get; set; } = 300;

    /// <summary>Resubmissions after an expired operation or a failed one with InternalServerError.</summary>
    [Range(0, 5)]
    public int MaxResubmits { get; set; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
