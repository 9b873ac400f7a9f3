using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Infrastructure.AzureOpenAI;

/// <summary>
/// The Azure OpenAI deployment that proposes quotes, and how patiently to use it (app settings <c>AzureOpenAI__*</c>): the
/// endpoint (e.g. https://name.openai.azure.com; empty keeps extraction local), the key sent as <c>api-key</c>, and the rest.
/// </summary>
public sealed class AzureOpenAIOptions : AzureServiceOptions
{
    public const string SectionName = "AzureOpenAI";

    public AzureOpenAIOptions()
    {
        // Azure OpenAI asks throttled callers to wait up to a minute, and writing the longest allowed answer at about a
        // hundred tokens a second takes under three minutes.
        MaxRetryDelay = TimeSpan.FromSeconds(60);
        AttemptTimeout = TimeSpan.FromMinutes(3);
        TotalTimeout = TimeSpan.FromMinutes(10);
    }

    /// <summary>The name of the model deployment the requests go to.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string? Deployment { get; set; }

    /// <summary>
    /// Most tokens one request's prompt may hold; longer reports go in several chunks. With the default output limit, even
    /// a model that quoted the whole chunk would not be cut off.
    /// </summary>
    [Range(2000, 1_000_000)]
    public int MaxInputTokens { get; set; } = 8000;

    /// <summary>Most tokens the model may write for one chunk (gpt-4o-mini's ceiling); an answer cut there falls back to the local extractor.</summary>
    [Range(256, 100_000)]
    public int MaxOutputTokens { get; set; } = 16_384;
}
