using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Review;

/// <summary>
/// HTTP GET <c>api/review/{period}/{state}</c>, staff with <c>Surveys.Read</c>: a state's current report under review, as
/// <c>review show --json</c> prints it (status, revision, paragraphs, and per question its passages, candidates and note).
/// </summary>
public sealed class GetReviewFunction(ReviewService reviews, MemberStateRegistry states, StaffAccess staff)
{
    [Function(FunctionNames.GetReview)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/review/{period}/{state}")] HttpRequest request,
        string period,
        string state,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.SurveysRead, $"review of {state} {period}", period, out var p) is { } refusal)
        {
            return refusal;
        }

        if (ReviewReplies.Key(states, p, state, out var key) is { } unknown)
        {
            return unknown;
        }

        try
        {
            return ApiReply.Ok(await reviews.ShowAsync(key, cancellationToken));
        }
        catch (ReviewRefusedException e)
        {
            return ReviewReplies.Refused(e);
        }
    }
}
