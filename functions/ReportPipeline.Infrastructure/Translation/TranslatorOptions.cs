namespace ReportPipeline.Infrastructure.Translation;

/// <summary>The Azure AI Translator resource and how patiently to use it (app settings <c>Translation__*</c>).</summary>
public sealed class TranslatorOptions : HttpRequestResilienceOptions
{
    public const string SectionName = "Translation";

    /// <summary>
    /// The resource's custom-domain endpoint (https://name.cognitiveservices.azure.com), which a Microsoft Entra token needs;
    /// empty: no machine translation, and the survey says so.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>A resource key, for local runs only; without one the client uses a Microsoft Entra token.</summary>
    public string? Key { get; set; }

    /// <summary>The resource's region, sent with a key when the resource is not global.</summary>
    public string? Region { get; set; }

    /// <summary>Client id of the user-assigned managed identity; without one, DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
