using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Staff;

/// <summary>
/// HTTP GET <c>api/staff/overview</c>, staff with <c>Surveys.Read</c>: who is signed in (and whether as the local host's
/// user) and every period staff look at with its reporting coverage per question and region.
/// </summary>
public sealed class GetStaffOverviewFunction(CoverageQuery coverage, StaffAccess staff)
{
    [Function(FunctionNames.GetStaffOverview)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/overview")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.SurveysRead, "reporting coverage") is { } refusal)
        {
            return refusal;
        }

        var user = staff.Identify(request)!;
        return ApiReply.Ok(new
        {
            user = new { name = user.Name, roles = user.Roles.Order(StringComparer.Ordinal), local = user.IsLocal },
            periods = await coverage.ListAsync(cancellationToken),
        });
    }
}
