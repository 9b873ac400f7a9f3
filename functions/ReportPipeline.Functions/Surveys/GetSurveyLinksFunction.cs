using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using ReportPipeline.Core;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Functions.Surveys;

/// <summary>HTTP GET <c>surveys/{period}?minutes=M</c>: short-lived read-only links to the latest edition's files.</summary>
public sealed class GetSurveyLinksFunction(SurveyLinkService links)
{
    [Function(FunctionNames.GetSurveyLinks)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "surveys/{period}")] HttpRequestData request,
        string period,
        CancellationToken cancellationToken)
    {
        int? minutes = int.TryParse(request.Query["minutes"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var latest = Period.TryParse(period, out var reportingPeriod) ? await links.GetLatestAsync(reportingPeriod, minutes, cancellationToken) : null;
        var response = request.CreateResponse(latest is null ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        response.Headers.Add("Cache-Control", "no-store");
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        object body = latest is null ? new { error = "no-survey", message = $"No survey has been compiled for '{period}'." } : latest;
        await response.WriteStringAsync(JsonSerializer.Serialize(body, JsonSurveyRenderer.Options), cancellationToken);
        return response;
    }
}
