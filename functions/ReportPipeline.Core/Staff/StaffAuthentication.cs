namespace ReportPipeline.Core.Staff;

/// <summary>How staff prove who they are (app setting <c>Staff__Authentication</c>).</summary>
public enum StaffAuthentication
{
    /// <summary>App Service Authentication signs staff in and sends <c>X-MS-CLIENT-PRINCIPAL</c>; without it, nobody is staff.</summary>
    AppService,

    /// <summary>The local host: whoever reaches it on 127.0.0.1 is staff with every role, and principal headers are ignored.</summary>
    LocalUser,
}
