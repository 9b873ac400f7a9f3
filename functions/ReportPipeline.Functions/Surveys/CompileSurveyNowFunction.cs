using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Survey;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Surveys;

/// <summary>HTTP POST <c>api/surveys/{period}/compile</c>, staff with <c>Pipeline.Operate</c>: compiles the period's survey now, publishing an edition if its content changed.</summary>
public sealed class CompileSurveyNowFunction(SurveyPublisher publisher, StaffAccess staff)
{
    [Function(FunctionNames.CompileSurveyNow)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/surveys/{period}/compile")] HttpRequest request,
        string period,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.PipelineOperate, $"compile the survey of {period}", period, out var reportingPeriod) is { } refusal)
        {
            return refusal;
        }

        var result = await publisher.CompileAsync(reportingPeriod, cancellationToken);
        return ApiReply.Ok(new { period = reportingPeriod.Value, edition = result.Edition.Edition, published = result.Published, statesReporting = result.Edition.StatesReporting });
    }
}
