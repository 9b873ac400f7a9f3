using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Uploads;

/// <summary>
/// HTTP POST <c>api/uploads</c> with <c>Authorization: Bearer {key}</c>: a create-only SAS for one fresh blob under
/// <c>reports/{period}/{ISO3}/</c>. Anonymous at the Functions level (and excluded from App Service Authentication)
/// because the state's own credential is the authorisation, and each state's can be revoked alone.
/// </summary>
public sealed class RequestUploadSlotFunction(UploadSlotService slots)
{
    /// <summary>The request is three short strings; anything longer is not a slot request.</summary>
    public const int MaxBodyBytes = 4096;

    [Function(FunctionNames.RequestUploadSlot)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/uploads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RequestValues.ReadJsonAsync<UploadSlotRequest>(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiReply.Error(HttpStatusCode.BadRequest, ReasonCodes.BadRequest, $"Send a JSON body of at most {MaxBodyBytes} bytes: {{\"state\", \"period\", \"fileName\"}}.");
        }

        var result = await slots.RequestAsync(RequestValues.UploadKey(request), body.State, body.Period, body.FileName, cancellationToken);
        if (result.Slot is { } slot)
        {
            return ApiReply.Ok(new
            {
                blobName = slot.BlobName,
                url = slot.Url,
                expiresAt = slot.ExpiresAt,
                method = "PUT",
                headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" },
            });
        }

        var status = result.ReasonCode switch
        {
            ReasonCodes.BadCredential => HttpStatusCode.Unauthorized,
            ReasonCodes.TooManySlots => HttpStatusCode.TooManyRequests,
            _ => HttpStatusCode.BadRequest,
        };
        return ApiReply.Error(status, result.ReasonCode!, result.Message!);
    }
}
