namespace ReportPipeline.Core.Staff;

/// <summary>How staff prove who they are (app setting <c>Staff__Authentication</c>).</summary>
public enum StaffAuthentication
{
    /// <summary>
    /// App Service Authentication signs staff in with Microsoft Entra ID and sends <c>X-MS-CLIENT-PRINCIPAL</c>. The header is believed
    /// only while the platform says authentication is on and names Entra as the provider; otherwise nobody is staff.
    /// </summary>
    AppService,

    /// <summary>The local host: whoever reaches it on 127.0.0.1 is staff with every role, and principal headers are ignored. Refused in Azure.</summary>
    LocalUser,

    /// <summary>No staff sign-in is set up (a deployment without an app registration): every staff request is refused.</summary>
    Disabled,
}
