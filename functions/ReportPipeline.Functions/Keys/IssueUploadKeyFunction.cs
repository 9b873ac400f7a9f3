using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Keys;

/// <summary>
/// HTTP POST <c>api/keys</c> <c>{"state", "expires"}</c>, staff with <c>Pipeline.Operate</c>: issues a state's upload key as
/// <c>credentials issue</c> does, and answers with it once; only its salted hash is stored, and the key is never logged.
/// </summary>
public sealed class IssueUploadKeyFunction(CredentialService credentials, StaffAccess staff)
{
    /// <summary>A state and a date; a larger body is not a request for a key.</summary>
    public const int MaxBodyBytes = 1024;

    [Function(FunctionNames.IssueUploadKey)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/keys")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RequestValues.ReadJsonAsync<IssueKeyBody>(request, MaxBodyBytes, cancellationToken);
        var action = body?.State is { } named ? $"issue an upload key for {named}{(string.IsNullOrEmpty(body.Expires) ? "" : $" until {body.Expires}")}" : "issue an upload key";
        if (staff.Refusal(request, StaffRoles.PipelineOperate, action) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(body?.State))
        {
            return ApiReply.Error(HttpStatusCode.BadRequest, ReasonCodes.BadRequest, "Send JSON {\"state\": \"ISO3\", \"expires\": \"2027-06-30\"} (expires may be left out: the key never expires).");
        }

        try
        {
            var expiresAt = CredentialService.ParseExpiry(body.Expires);
            var issued = await credentials.IssueAsync(body.State.Trim().ToUpperInvariant(), expiresAt, cancellationToken);
            return ApiReply.Ok(new { id = issued.Id, state = issued.State, key = issued.Key, issuedAt = issued.IssuedAt, expiresAt });
        }
        catch (CredentialRefusedException e)
        {
            return KeyReplies.Refused(e);
        }
    }
}
