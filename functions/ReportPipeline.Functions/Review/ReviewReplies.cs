using System.Net;
using ReportPipeline.Core;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Review;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Functions.Review;

/// <summary>The review API's replies: a state named in a route, and refusals and conflicts in plain words.</summary>
public static class ReviewReplies
{
    /// <summary>The report of <paramref name="stateText"/> for <paramref name="period"/>, or null with the 404 of a code that names no Member State.</summary>
    public static ApiReply? Key(MemberStateRegistry states, Period period, string? stateText, out SubmissionKey key)
    {
        ArgumentNullException.ThrowIfNull(states);
        key = null!;
        var code = (stateText ?? "").ToUpperInvariant();
        if (code.Length != 3 || !states.TryGet(code, out var state))
        {
            return ApiReply.Error(HttpStatusCode.NotFound, ReasonCodes.UnknownState,
                $"'{new string([.. code.Where(char.IsAsciiLetterOrDigit).Take(8)])}' is not a Member State; use its ISO 3166 alpha-3 code, e.g. KEN.");
        }

        key = new SubmissionKey(period, state);
        return null;
    }

    public static ApiReply Refused(ReviewRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return ApiReply.Error(refused.ReasonCode is ReasonCodes.NoReport or ReasonCodes.ReportMissing ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, refused.ReasonCode, refused.Message);
    }

    public static ApiReply Conflict(ReviewConflictException conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return ApiReply.Error(HttpStatusCode.Conflict, ReviewConflictException.ReasonCode, conflict.Message);
    }
}
