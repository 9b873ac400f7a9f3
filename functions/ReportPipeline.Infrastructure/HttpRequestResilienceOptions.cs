using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Infrastructure;

/// <summary>
/// How patiently one HTTP request to an Azure AI service is made: the settings Document Intelligence and Azure OpenAI share,
/// each under its own section (<c>DocumentIntelligence__MaxRetries</c>, <c>AzureOpenAI__MaxRetries</c>, …).
/// </summary>
public abstract class HttpRequestResilienceOptions
{
    /// <summary>Retries of one request after 429, 408, 5xx or a network error.</summary>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter, unless the service sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait the client accepts from a Retry-After header or the backoff.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failure ratio over <see cref="BreakSampling"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakFailureRatio { get; set; } = 0.5;

    public TimeSpan BreakSampling { get; set; } = TimeSpan.FromSeconds(60);

    [Range(2, 1000)]
    public int BreakMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
