using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using ReportPipeline.Core;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Functions.Uploads;

/// <summary>What a Member State asks for: <c>{"state":"FRA","period":"2026","fileName":"report.pdf"}</c>.</summary>
public sealed record UploadSlotRequest(string? State, string? Period, string? FileName);

/// <summary>
/// HTTP POST <c>uploads</c> with <c>Authorization: Bearer {key}</c>: a create-only SAS for one fresh blob under
/// <c>reports/{period}/{ISO3}/</c>. Anonymous at the Functions level because the state's own credential is the
/// authorisation, and each state's can be revoked alone, unlike a shared function key.
/// </summary>
public sealed class RequestUploadSlotFunction(UploadSlotService slots)
{
    /// <summary>The request is three short strings; anything longer is not a slot request.</summary>
    public const int MaxBodyBytes = 4096;
    private const string BearerPrefix = "Bearer ";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Function(FunctionNames.RequestUploadSlot)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "uploads")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var body = await ReadRequestAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return await RespondAsync(request, HttpStatusCode.BadRequest,
                new { error = "bad-request", message = $"Send a JSON body of at most {MaxBodyBytes} bytes: {{\"state\", \"period\", \"fileName\"}}." }, cancellationToken);
        }

        var key = request.Headers.TryGetValues("Authorization", out var values) && values.FirstOrDefault() is { } header
            && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
        var result = await slots.RequestAsync(key, body.State, body.Period, body.FileName, cancellationToken);
        if (result.Slot is { } slot)
        {
            return await RespondAsync(request, HttpStatusCode.OK, new
            {
                blobName = slot.BlobName,
                url = slot.Url,
                expiresAt = slot.ExpiresAt,
                method = "PUT",
                headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" },
            }, cancellationToken);
        }

        var status = result.ReasonCode == ReasonCodes.BadCredential ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
        return await RespondAsync(request, status, new { error = result.ReasonCode, message = result.Message }, cancellationToken);
    }

    private static async Task<UploadSlotRequest?> ReadRequestAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<UploadSlotRequest>(buffer.AsSpan(0, length), s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<HttpResponseData> RespondAsync(HttpRequestData request, HttpStatusCode status, object body, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Cache-Control", "no-store");
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        if (status == HttpStatusCode.Unauthorized)
        {
            response.Headers.Add("WWW-Authenticate", "Bearer");
        }

        await response.WriteStringAsync(JsonSerializer.Serialize(body, s_json), cancellationToken);
        return response;
    }
}
