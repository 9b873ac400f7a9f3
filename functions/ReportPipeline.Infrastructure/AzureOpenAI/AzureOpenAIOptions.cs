using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Infrastructure.AzureOpenAI;

/// <summary>The Azure OpenAI deployment that proposes quotes, and how patiently to use it (app settings <c>AzureOpenAI__*</c>).</summary>
public sealed class AzureOpenAIOptions : HttpRequestResilienceOptions
{
    public const string SectionName = "AzureOpenAI";

    public AzureOpenAIOptions()
    {
        // Azure OpenAI asks throttled callers to wait up to a minute, and writing the longest allowed answer at about a
        // hundred tokens a second takes under three minutes.
        MaxRetryDelay = TimeSpan.FromSeconds(60);
        AttemptTimeout = TimeSpan.FromMinutes(3);
    }

    /// <summary>The resource endpoint, e.g. https://name.openai.azure.com; empty keeps extraction local.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The name of the model deployment the requests go to.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string? Deployment { get; set; }

    /// <summary>A resource key for local use, sent as <c>api-key</c>; without one the client uses a Microsoft Entra token.</summary>
    public string? Key { get; set; }

    /// <summary>Client id of the user-assigned managed identity; without one, DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Most tokens one request's prompt may hold; longer reports go in several chunks. With the default output limit, even
    /// a model that quoted the whole chunk would not be cut off.
    /// </summary>
    [Range(2000, 1_000_000)]
    public int MaxInputTokens { get; set; } = 8000;

    /// <summary>Most tokens the model may write for one chunk (gpt-4o-mini's ceiling); an answer cut there falls back to the local extractor.</summary>
    [Range(256, 100_000)]
    public int MaxOutputTokens { get; set; } = 16_384;

    /// <summary>Bound on one request with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
