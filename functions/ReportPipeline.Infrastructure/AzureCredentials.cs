using Azure.Core;
using Azure.Identity;

namespace ReportPipeline.Infrastructure;

/// <summary>How the app signs in to Azure services without a key: as its user-assigned identity, or as whoever runs it.</summary>
public static class AzureCredentials
{
    /// <summary>The user-assigned managed identity with this client id (in Azure); without one, DefaultAzureCredential (a developer's sign-in).</summary>
    public static TokenCredential For(string? managedIdentityClientId) =>
        string.IsNullOrEmpty(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));

    /// <summary>None when a resource key is set, since the key is sent instead (local use only); otherwise <see cref="For"/>.</summary>
    public static TokenCredential? UnlessKey(string? key, string? managedIdentityClientId) =>
        string.IsNullOrEmpty(key) ? For(managedIdentityClientId) : null;
}
