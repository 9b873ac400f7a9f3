using System.Net;
using Microsoft.AspNetCore.Http;
using ReportPipeline.Core;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;
using ReportPipeline.Functions.Review;

namespace ReportPipeline.Functions.Indications;

/// <summary>
/// Whose report a portal request may reach: the key's own state's, for the period asked, and no other (the state is the key's,
/// never the caller's word). The key is checked first, so an unauthenticated caller learns nothing about valid input.
/// </summary>
public sealed class StateReports(CredentialService credentials)
{
    /// <summary>Null with the report's key and the upload key's id; else the 401 or 400 to send.</summary>
    public async Task<(ApiReply? Refusal, SubmissionKey Key, string KeyId)> ResolveAsync(HttpRequest request, string? periodText, CancellationToken cancellationToken)
    {
        var presented = RequestValues.UploadKey(request);
        if (await credentials.AuthenticateAsync(presented, cancellationToken) is not { } state)
        {
            return (ApiReply.Error(HttpStatusCode.Unauthorized, ReasonCodes.BadCredential, "The key is not a valid, unrevoked upload key."), null!, "");
        }

        if (!Period.TryParse(periodText, out var period))
        {
            return (RequestValues.BadPeriod(periodText), null!, "");
        }

        UploadCredential.TryParse(presented, out var keyId, out _);
        return (null, new SubmissionKey(period, state), keyId);
    }

    /// <summary>A refusal in plain words; a conflict in the state's words, not the analysts'.</summary>
    public static ApiReply Refused(Exception refused) => refused switch
    {
        ReviewConflictException e => Conflict(StateIndicationService.Conflict(e)),
        ReviewRefusedException e => ReviewReplies.Refused(e),
        _ => throw new ArgumentException("Not a refusal.", nameof(refused)),
    };

    private static ApiReply Conflict((string Code, string Message) conflict) => ApiReply.Error(HttpStatusCode.Conflict, conflict.Code, conflict.Message);
}
