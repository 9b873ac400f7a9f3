using Azure.Core;

namespace ReportPipeline.Infrastructure;

/// <summary>
/// What every Azure AI service the pipeline calls is configured with: where it is, who signs in to it, and the bound on one
/// whole operation; how patiently each request is made comes from <see cref="HttpRequestResilienceOptions"/>.
/// </summary>
public abstract class AzureServiceOptions : HttpRequestResilienceOptions
{
    /// <summary>The resource endpoint; empty leaves the service unused.</summary>
    public string? Endpoint { get; set; }

    /// <summary>A resource key for local use; without one the client uses a Microsoft Entra token.</summary>
    public string? Key { get; set; }

    /// <summary>Client id of the user-assigned managed identity; without one, DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Bound on one whole operation with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>How a client of the service signs in: none when a key is set (it is sent instead), else <see cref="AzureCredentials.For"/>.</summary>
    public TokenCredential? Credential() => AzureCredentials.UnlessKey(Key, ManagedIdentityClientId);
}
