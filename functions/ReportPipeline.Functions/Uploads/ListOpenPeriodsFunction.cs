using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Uploads;

/// <summary>HTTP GET <c>api/periods</c>: the periods open for reports, which the portal offers. Anonymous: it tells nothing about anyone.</summary>
public sealed class ListOpenPeriodsFunction(IOptions<PeriodOptions> periods)
{
    [Function(FunctionNames.ListOpenPeriods)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/periods")] HttpRequest request) =>
        ApiReply.Ok(new { open = periods.Value.OpenNames });
}
