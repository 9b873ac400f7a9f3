namespace ReportPipeline.Core.Staff;

/// <summary>Who made a staff request (null: nobody signed in, 401) and whether they hold the role asked for (else 403).</summary>
public sealed record StaffDecision(StaffPrincipal? Principal, bool Allowed);
