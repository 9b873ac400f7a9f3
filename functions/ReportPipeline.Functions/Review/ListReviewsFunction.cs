using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Review;

/// <summary>
/// HTTP GET <c>api/review?period=P</c>, staff with <c>Surveys.Read</c>: every state with a current report for the period with its
/// review status, and the machine's agreement with the analysts per language and question.
/// </summary>
public sealed class ListReviewsFunction(ReviewService reviews, StaffAccess staff)
{
    [Function(FunctionNames.ListReviews)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/review")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? text = request.Query["period"];
        if (staff.Refusal(request, StaffRoles.SurveysRead, $"reviews of {text}", text, out var period) is { } refusal)
        {
            return refusal;
        }

        return ApiReply.Ok(new
        {
            period = period.Value,
            states = await reviews.ListAsync(period, cancellationToken),
            agreement = await reviews.AgreementAsync(period, cancellationToken),
        });
    }
}
