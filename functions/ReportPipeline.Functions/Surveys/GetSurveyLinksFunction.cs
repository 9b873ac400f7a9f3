using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Survey;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Surveys;

/// <summary>
/// HTTP GET <c>api/surveys/{period}?minutes=M[&amp;edition=E]</c>, staff with <c>Surveys.Read</c>: short-lived read-only links to
/// the latest edition's files (or edition E's), and the period's editions.
/// </summary>
public sealed class GetSurveyLinksFunction(SurveyLinkService links, StaffAccess staff)
{
    [Function(FunctionNames.GetSurveyLinks)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/surveys/{period}")] HttpRequest request,
        string period,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.SurveysRead, $"survey links of {period}", period, out var reportingPeriod) is { } refusal)
        {
            return refusal;
        }

        int? minutes = int.TryParse(request.Query["minutes"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var found = await links.GetAsync(reportingPeriod, request.Query["edition"].FirstOrDefault(), minutes, cancellationToken);
        return found is null
            ? ApiReply.Error(HttpStatusCode.NotFound, ReasonCodes.NoSurvey, $"No such survey edition has been compiled for {reportingPeriod}.")
            : ApiReply.Ok(found);
    }
}
