using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Functions.Http;

/// <summary>
/// Lets a staff request through when <see cref="StaffGate"/> says so, and writes the audit log: who did what, or who was
/// refused what. Behind App Service Authentication the principal is the header the platform sets (it strips one a caller
/// sends), believed only while the platform says authentication is on; the local host ignores that header and treats its
/// user as staff. A request that changes something must come from the app's own origin when a browser sends it.
/// </summary>
public sealed class StaffAccess(IOptions<StaffOptions> options, StaffPlatform platform, ILogger<StaffAccess> logger)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string IdentityProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    /// <summary>Who is asking, or null when nobody is signed in.</summary>
    public StaffPrincipal? Identify(HttpRequest request) => Decide(request, StaffRoles.SurveysRead).Principal;

    /// <summary>Null when the request may do <paramref name="action"/> (logged as done by its principal); else the 401 or 403 to send.</summary>
    public IActionResult? Refusal(HttpRequest request, string role, string action)
    {
        var decision = Decide(request, role);
        action = LogValue.Safe(action);
        if (decision.Closed is { } closed)
        {
            logger.StaffRefused("anonymous", "-", action, role);
            return ApiReply.Error(HttpStatusCode.Forbidden, ReasonCodes.StaffSignInOff, closed);
        }

        if (decision.Principal is not { } principal)
        {
            logger.StaffRefused("anonymous", "-", action, role);
            return ApiReply.Error(HttpStatusCode.Unauthorized, ReasonCodes.NotSignedIn, "Sign in as CTED staff to do this.");
        }

        if (!decision.Allowed)
        {
            logger.StaffRefused(LogValue.Safe(principal.Name), LogValue.Safe(principal.Id), action, role);
            return ApiReply.Error(HttpStatusCode.Forbidden, ReasonCodes.MissingRole, $"This needs the app role {role}; ask the app's owner to assign it to you.");
        }

        if (RequestValues.CrossOrigin(request))
        {
            logger.StaffRefused(LogValue.Safe(principal.Name), LogValue.Safe(principal.Id), action, "the app's own origin");
            return ApiReply.Error(HttpStatusCode.Forbidden, ReasonCodes.CrossOrigin, "This can only be done from the staff desk itself, not from another site.");
        }

        logger.StaffActed(LogValue.Safe(principal.Name), LogValue.Safe(principal.Id), action);
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
        return StaffGate.Decide(options.Value.Authentication, platform, request.Headers[PrincipalHeader].FirstOrDefault(),
            request.Headers[IdentityProviderHeader].FirstOrDefault(), Environment.UserName, role);
    }
}
