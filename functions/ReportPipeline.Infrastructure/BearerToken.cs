using System.Net.Http.Headers;
using Azure.Core;

namespace ReportPipeline.Infrastructure;

/// <summary>
/// The Entra token an Azure AI client signs its requests with, fetched once and reused until shortly before it expires,
/// so concurrent requests share one token instead of each asking Entra.
/// </summary>
public sealed class BearerToken(TokenCredential credential, string scope, TimeProvider timeProvider)
{
    /// <summary>Refresh five minutes early so a token never expires between the check and the service.</summary>
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private AccessToken _token;

    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token.Token is null || _token.ExpiresOn <= timeProvider.GetUtcNow() + s_refreshMargin)
            {
                _token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Token);
    }
}
