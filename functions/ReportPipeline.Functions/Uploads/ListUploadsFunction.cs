using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Uploads;

/// <summary>
/// HTTP GET <c>api/uploads?period=P</c> with <c>Authorization: Bearer {key}</c>: the uploads of the key's own state for the
/// period (never another's: the state is the key's, not the caller's word), each accepted one with the passages found per
/// question and the questions with no answer found. Anonymous at the Functions level, like the slot request.
/// </summary>
public sealed class ListUploadsFunction(CredentialService credentials, UploadStatusQuery uploads, IOptions<PeriodOptions> periods)
{
    [Function(FunctionNames.ListUploads)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/uploads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The key first, so an unauthenticated caller learns nothing about valid input.
        if (await credentials.AuthenticateAsync(RequestValues.UploadKey(request), cancellationToken) is not { } state)
        {
            return ApiReply.Error(HttpStatusCode.Unauthorized, ReasonCodes.BadCredential, "The key is not a valid, unrevoked upload key.");
        }

        string? text = request.Query["period"];
        if (!Period.TryParse(text, out var period))
        {
            return RequestValues.BadPeriod(text);
        }

        var findings = await uploads.ListFindingsAsync(new SubmissionKey(period, state), cancellationToken);
        return ApiReply.Ok(new { state = state.Iso3, stateName = state.Name, period = period.Value, open = periods.Value.IsOpen(period), uploads = findings });
    }
}
