using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReportPipeline.Functions.Http;

/// <summary>A request's small JSON body, read up to a bound: a larger body, or one that is not such JSON, is null.</summary>
public static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), ApiReply.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
