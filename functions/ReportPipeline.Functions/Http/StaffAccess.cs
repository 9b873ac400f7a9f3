using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;

namespace ReportPipeline.Functions.Http;

/// <summary>
/// Lets a staff request through when <see cref="StaffGate"/> says so, and writes the audit log: who did what, or who was
/// refused what. Behind App Service Authentication the principal is the header the platform sets (it strips one a caller
/// sends); the local host ignores that header and treats its user as staff.
/// </summary>
public sealed class StaffAccess(IOptions<StaffOptions> options, ILogger<StaffAccess> logger)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Who is asking, or null when nobody is signed in.</summary>
    public StaffPrincipal? Identify(HttpRequest request) => Decide(request, StaffRoles.SurveysRead).Principal;

    /// <summary>Null when the request may do <paramref name="action"/> (logged as done by its principal); else the 401 or 403 to send.</summary>
    public IActionResult? Refusal(HttpRequest request, string role, string action)
    {
        var decision = Decide(request, role);
        if (decision.Principal is not { } principal)
        {
            logger.StaffRefused("anonymous", "-", action, role);
            return ApiReply.Error(HttpStatusCode.Unauthorized, ReasonCodes.NotSignedIn, "Sign in as CTED staff to do this.");
        }

        if (!decision.Allowed)
        {
            logger.StaffRefused(principal.Name, principal.Id, action, role);
            return ApiReply.Error(HttpStatusCode.Forbidden, ReasonCodes.MissingRole, $"This needs the app role {role}; ask the app's owner to assign it to you.");
        }

        logger.StaffActed(principal.Name, principal.Id, action);
        return null;
    }

    /// <summary>
    /// As <see cref="Refusal(HttpRequest, string, string)"/> for an action on the period <paramref name="periodText"/>: null with the
    /// period, else the 401, 403 or (the role granted) 400 of a period that does not parse.
    /// </summary>
    public IActionResult? Refusal(HttpRequest request, string role, string action, string? periodText, out Period period)
    {
        period = null!;
        return Refusal(request, role, action) ?? (Period.TryParse(periodText, out period) ? null : RequestValues.BadPeriod(periodText));
    }

    private StaffDecision Decide(HttpRequest request, string role)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StaffGate.Decide(options.Value.Authentication, request.Headers[PrincipalHeader].FirstOrDefault(), Environment.UserName, role);
    }
}
