using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Review;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Indications;

/// <summary>
/// HTTP GET <c>api/indications?period=P</c> with <c>Authorization: Bearer {key}</c>: the key's own state's current report for the
/// period as the portal shows it for pointing (its paragraphs, the machine's passages, the state's indications and what the
/// analysts decided on each). Anonymous at the Functions level, like the other member-state routes.
/// </summary>
public sealed class GetIndicationsFunction(StateReports reports, StateIndicationService indications)
{
    [Function(FunctionNames.GetIndications)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/indications")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (refusal, key, _) = await reports.ResolveAsync(request, request.Query["period"], cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            return ApiReply.Ok(await indications.ShowAsync(key, cancellationToken));
        }
        catch (ReviewRefusedException e)
        {
            return StateReports.Refused(e);
        }
    }
}
