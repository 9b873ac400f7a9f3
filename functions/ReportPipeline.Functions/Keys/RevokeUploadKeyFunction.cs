using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Keys;

/// <summary>
/// HTTP POST <c>api/keys/{id}/revoke</c>, staff with <c>Pipeline.Operate</c>: revokes one upload key, as <c>credentials revoke ISO3 --id ID</c>
/// does, and answers with the key as it now stands; 404 <c>unknown-key</c> for an id nobody issued. Revoking a revoked key changes nothing.
/// </summary>
public sealed class RevokeUploadKeyFunction(CredentialService credentials, StaffAccess staff)
{
    [Function(FunctionNames.RevokeUploadKey)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/keys/{id}/revoke")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.PipelineOperate, $"revoke upload key {id}") is { } refusal)
        {
            return refusal;
        }

        try
        {
            return ApiReply.Ok(await credentials.RevokeKeyAsync(id, cancellationToken));
        }
        catch (CredentialRefusedException e)
        {
            return KeyReplies.Refused(e);
        }
    }
}
