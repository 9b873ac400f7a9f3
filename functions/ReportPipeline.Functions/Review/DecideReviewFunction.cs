using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Review;

/// <summary>
/// HTTP POST <c>api/review/{period}/{state}</c>, staff with <c>Reports.Review</c>: records one decision on a state's current report,
/// made on the revision the analyst saw, and returns the report as it now stands. Another analyst's decision stored first is a
/// 409 that says so; nothing of the refused save is kept. Every decision is in the audit log, by the principal's id and name.
/// </summary>
public sealed class DecideReviewFunction(ReviewService reviews, MemberStateRegistry states, StaffAccess staff)
{
    /// <summary>A decision's body is small; a larger one is not a decision.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    [Function(FunctionNames.DecideReview)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/review/{period}/{state}")] HttpRequest request,
        string period,
        string state,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.ReportsReview, $"review decision on {state} {period}", period, out var p) is { } refusal)
        {
            return refusal;
        }

        if (ReviewReplies.Key(states, p, state, out var key) is { } unknown)
        {
            return unknown;
        }

        var body = await RequestValues.ReadJsonAsync<ReviewDecisionBody>(request, MaxBodyBytes, cancellationToken);
        if (body is null || !Enum.TryParse<ReviewAction>(body.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action) || char.IsDigit(body.Action![0]))
        {
            return ApiReply.Error(HttpStatusCode.BadRequest, ReasonCodes.BadDecision,
                "Send JSON {\"action\": \"accept|reject|move|copy|add|note|done\", \"passage\", \"question\", \"paragraph\", \"note\", \"revision\"}.");
        }

        if (!RequestValues.TryOptionalQuestion(body.Question, out var question, out var badQuestion))
        {
            return badQuestion!;
        }

        try
        {
            return ApiReply.Ok(await reviews.DecideAsync(key, new ReviewRequest(action, body.Passage, question, body.Paragraph, body.Note), staff.Identify(request)!,
                body.Revision, cancellationToken));
        }
        catch (ReviewRefusedException e)
        {
            return ReviewReplies.Refused(e);
        }
        catch (ReviewConflictException e)
        {
            return ReviewReplies.Conflict(e);
        }
    }
}
