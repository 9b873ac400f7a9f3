using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// One request to a test server over real HTTP and the JSON it answered: as staff behind App Service Authentication
/// (its principal header), as a state with its upload key, from a browser naming its <c>Origin</c>, or as nobody.
/// </summary>
internal static class ApiCall
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Uri server, HttpMethod method, string path, object? body = null,
        string? principal = null, string? key = null, string? origin = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = PortalFixture.Client(server, key);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (principal is not null)
        {
            request.Headers.Add(StaffAccess.PrincipalHeader, principal);
            request.Headers.Add(StaffAccess.IdentityProviderHeader, StaffPlatform.EntraProvider);
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }
}
