namespace ReportPipeline.Core.Staff;

/// <summary>Staff sign-in (app settings <c>Staff__*</c>).</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>AppService unless set: a deployment that forgot the setting lets no one in rather than everyone.</summary>
    public StaffAuthentication Authentication { get; set; } = StaffAuthentication.AppService;
}
