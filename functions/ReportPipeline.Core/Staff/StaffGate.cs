namespace ReportPipeline.Core.Staff;

/// <summary>The one place that decides whether a request is staff holding a role.</summary>
public static class StaffGate
{
    /// <summary>
    /// Locally the user is staff and any principal header is ignored (nothing in front of the local host strips a forged
    /// one), but never in Azure. Behind App Service the principal it sends must hold <paramref name="role"/>, and is believed
    /// only when <paramref name="platform"/> says App Service Authentication is on and <paramref name="identityProvider"/>
    /// (<c>X-MS-CLIENT-PRINCIPAL-IDP</c>) is Entra's: with authentication off, any caller could write the header.
    /// </summary>
    public static StaffDecision Decide(
        StaffAuthentication mode, StaffPlatform platform, string? principalHeader, string? identityProvider, string localUser, string role)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (Closed(mode, platform) is { } closed)
        {
            return new(null, false, closed);
        }

        var principal = mode == StaffAuthentication.LocalUser ? StaffPrincipal.Local(localUser)
            : string.Equals(identityProvider, StaffPlatform.EntraProvider, StringComparison.Ordinal) ? StaffPrincipal.FromAppService(principalHeader)
            : null;
        return new(principal, principal?.Holds(role) == true);
    }

    private static string? Closed(StaffAuthentication mode, StaffPlatform platform) => mode switch
    {
        StaffAuthentication.LocalUser when platform.InAzure =>
            "Staff sign-in as the local user is for a local host and is refused in Azure; the operator sets Staff__Authentication to AppService.",
        StaffAuthentication.LocalUser => null,
        StaffAuthentication.AppService when !platform.AuthenticationEnabled =>
            "Staff sign-in is off: App Service Authentication is not enabled on this app, so nobody can be signed in as staff.",
        StaffAuthentication.AppService => null,
        _ => "Staff sign-in is not set up on this deployment (no app registration was given); staff pages are closed.",
    };
}
