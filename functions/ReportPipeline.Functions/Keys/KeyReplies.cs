using System.Net;
using ReportPipeline.Core;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Keys;

/// <summary>How the key routes refuse: an unknown key id is 404, any other refusal 400, each with its reason code and plain words.</summary>
internal static class KeyReplies
{
    public static ApiReply Refused(CredentialRefusedException refused) => ApiReply.Error(
        refused.ReasonCode == ReasonCodes.UnknownKey ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, refused.ReasonCode, refused.Reason);
}
