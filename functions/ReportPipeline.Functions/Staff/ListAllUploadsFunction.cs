using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Staff;

/// <summary>HTTP GET <c>api/staff/uploads?period=P</c>, staff with <c>Surveys.Read</c>: every state's uploads of the period with their status, Failed included.</summary>
public sealed class ListAllUploadsFunction(UploadStatusQuery uploads, IOptions<PeriodOptions> periods, StaffAccess staff)
{
    [Function(FunctionNames.ListAllUploads)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/uploads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? text = request.Query["period"];
        if (staff.Refusal(request, StaffRoles.SurveysRead, $"uploads of {text}", text, out var period) is { } refusal)
        {
            return refusal;
        }

        return ApiReply.Ok(new { period = period.Value, open = periods.Value.IsOpen(period), uploads = await uploads.ListAsync(period, null, cancellationToken) });
    }
}
