namespace ReportPipeline.Core.Staff;

/// <summary>The one place that decides whether a request is staff holding a role.</summary>
public static class StaffGate
{
    /// <summary>
    /// Locally the user is staff and any principal header is ignored (nothing in front of the local host strips a forged
    /// one); behind App Service the principal it sends must hold <paramref name="role"/>.
    /// </summary>
    public static StaffDecision Decide(StaffAuthentication mode, string? principalHeader, string localUser, string role)
    {
        var principal = mode == StaffAuthentication.LocalUser ? StaffPrincipal.Local(localUser) : StaffPrincipal.FromAppService(principalHeader);
        return new(principal, principal?.Holds(role) == true);
    }
}
