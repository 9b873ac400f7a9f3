namespace ReportPipeline.Infrastructure.Translation;

/// <summary>
/// The Azure AI Translator resource and how patiently to use it (app settings <c>Translation__*</c>). Its endpoint is the
/// resource's custom-domain endpoint (https://name.cognitiveservices.azure.com), which a Microsoft Entra token needs; empty:
/// no machine translation, and the survey says so.
/// </summary>
public sealed class TranslatorOptions : AzureServiceOptions
{
    public const string SectionName = "Translation";

    // One batch of excerpts with all its retries; the survey goes out without the translations it could not make in time.
    public TranslatorOptions() => TotalTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The resource's region, sent with a key when the resource is not global.</summary>
    public string? Region { get; set; }
}
