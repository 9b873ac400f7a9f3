using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Core.Review;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Indications;

/// <summary>
/// HTTP POST <c>api/indications</c> with <c>Authorization: Bearer {key}</c>: the state points to a paragraph of its own current
/// report for a question, or withdraws a machine passage, on the version and revision the portal showed; returns the report as
/// it now stands. Only from the portal's own origin when a browser sends it; every indication is in the audit log by key id.
/// </summary>
public sealed class IndicateFunction(StateReports reports, StateIndicationService indications)
{
    /// <summary>An indication names a few short values; anything longer is not one.</summary>
    public const int MaxBodyBytes = 1024;

    [Function(FunctionNames.Indicate)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/indications")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RequestValues.ReadJsonAsync<IndicationBody>(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return BadBody();
        }

        var (refusal, key, keyId) = await reports.ResolveAsync(request, body.Period, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (RequestValues.CrossOrigin(request))
        {
            return ApiReply.Error(HttpStatusCode.Forbidden, ReasonCodes.CrossOrigin, "Indications can only be sent from the portal itself, not from another site.");
        }

        ReviewAction? action = body.Action switch
        {
            "point" => ReviewAction.Point,
            "withdraw" => ReviewAction.Withdraw,
            _ => null,
        };
        if (body.Version is not { } version || action is null)
        {
            return BadBody();
        }

        if (!RequestValues.TryOptionalQuestion(body.Question, out var question, out var badQuestion))
        {
            return badQuestion!;
        }

        try
        {
            return ApiReply.Ok(await indications.IndicateAsync(key, keyId,
                new StateIndicationRequest(action.Value, version, body.Revision, question, body.Paragraph, body.Passage), cancellationToken));
        }
        catch (Exception e) when (e is ReviewRefusedException or ReviewConflictException)
        {
            return StateReports.Refused(e);
        }
    }

    private static ApiReply BadBody() => ApiReply.Error(HttpStatusCode.BadRequest, ReasonCodes.BadRequest,
        $"Send JSON of at most {MaxBodyBytes} bytes: {{\"period\", \"version\", \"revision\", \"action\": \"point|withdraw\", \"question\", \"paragraph\", \"passage\"}}.");
}
