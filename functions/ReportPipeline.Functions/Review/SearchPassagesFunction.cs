using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Review;

/// <summary>
/// HTTP GET <c>api/passages?q=&amp;period=&amp;question=&amp;region=&amp;language=&amp;status=</c>, staff with <c>Surveys.Read</c>: what states said,
/// found in the current passages of a period (or of every period without one), case- and accent-insensitive.
/// </summary>
public sealed class SearchPassagesFunction(PassageSearch search, StaffAccess staff)
{
    [Function(FunctionNames.SearchPassages)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/passages")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (staff.Refusal(request, StaffRoles.SurveysRead, "passage search") is { } refusal)
        {
            return refusal;
        }

        string? periodText = request.Query["period"], questionText = request.Query["question"];
        Period? period = null;
        if (!string.IsNullOrEmpty(periodText))
        {
            if (!Period.TryParse(periodText, out var parsed))
            {
                return RequestValues.BadPeriod(periodText);
            }

            period = parsed;
        }

        if (!RequestValues.TryOptionalQuestion(questionText, out var question, out var badQuestion))
        {
            return badQuestion!;
        }

        try
        {
            var found = await search.SearchAsync(new PassageQuery(request.Query["q"].ToString(), period, question, request.Query["region"], request.Query["language"],
                request.Query["status"]), cancellationToken);
            return ApiReply.Ok(found);
        }
        catch (ReviewRefusedException e)
        {
            return ReviewReplies.Refused(e);
        }
    }
}
