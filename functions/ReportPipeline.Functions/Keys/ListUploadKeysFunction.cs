using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Keys;

/// <summary>
/// HTTP GET <c>api/keys?state=ISO3</c>, staff with <c>Pipeline.Operate</c>: the upload keys of one state or of every state, each with
/// its dates, status and slots; never a secret or a hash, since none is kept.
/// </summary>
public sealed class ListUploadKeysFunction(CredentialService credentials, StaffAccess staff)
{
    [Function(FunctionNames.ListUploadKeys)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/keys")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? state = request.Query["state"];
        if (staff.Refusal(request, StaffRoles.PipelineOperate, string.IsNullOrEmpty(state) ? "list the upload keys" : $"list the upload keys of {state}") is { } refusal)
        {
            return refusal;
        }

        try
        {
            return ApiReply.Ok(new { keys = await credentials.ListAsync(string.IsNullOrEmpty(state) ? null : state, cancellationToken) });
        }
        catch (CredentialRefusedException e)
        {
            return KeyReplies.Refused(e);
        }
    }
}
